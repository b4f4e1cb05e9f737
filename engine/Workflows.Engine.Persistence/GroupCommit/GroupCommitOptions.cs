namespace Workflows.Engine.Persistence.GroupCommit;

/// <summary>
/// Group commit (ADR 0011): concurrent saves of dossier changes are queued to one writer that commits them
/// together, one transaction and one durable flush for many commands.
/// </summary>
public sealed record GroupCommitOptions
{
    /// <summary>Most changes written in one transaction.</summary>
    public int MaxBatch { get; init; } = 64;

    /// <summary>
    /// How long the writer lingers for more changes when fewer than <see cref="MaxBatch"/> are waiting. Zero (the
    /// default) takes whatever queued while the previous batch was committing, which adds no latency to a lone
    /// command; a few milliseconds can fill larger batches under a steady trickle.
    /// </summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.Zero;

    internal void Validate()
    {
        if (MaxBatch is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxBatch), MaxBatch, "Group commit MaxBatch must be between 1 and 1000.");
        }

        if (MaxWait < TimeSpan.Zero || MaxWait > TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWait), MaxWait, "Group commit MaxWait must be between 0 and 1 second.");
        }
    }
}
