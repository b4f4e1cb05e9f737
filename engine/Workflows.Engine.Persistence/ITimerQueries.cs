using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Persistence;

/// <summary>A pending timer as stored: the database is the source of truth for due instants.</summary>
public sealed record TimerRecord(DossierId Dossier, int StepInstance, DateTimeOffset DueAt, TimerPurpose Purpose);

public interface ITimerQueries
{
    /// <summary>Pending timers due at or before <paramref name="until"/>, soonest first.</summary>
    Task<IReadOnlyList<TimerRecord>> ListDueAsync(DateTimeOffset until, int take, CancellationToken cancellationToken);
}
