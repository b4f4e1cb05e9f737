using Workflows.Engine.Execution;

namespace Workflows.Engine.Application.Ports;

/// <summary>
/// Lets the group-commit writer decide a change's command again on other register numbers (ADR 0017): when an
/// earlier change of the same batch took the number this one was decided with, the writer decides it again on the
/// batch's running register, so one batch hands out consecutive numbers instead of failing all but one change.
/// Deciding is pure, so deciding again is safe; the result is written only if the core accepts it again.
/// </summary>
public sealed class Renumbering(RegisterSnapshot numbers, Func<RegisterSnapshot, DossierChange?> decide)
{
    private DossierChange? written;

    /// <summary>The register numbers the change was decided on.</summary>
    public RegisterSnapshot Numbers { get; } = numbers;

    /// <summary>The change committed in place of the original when the writer renumbered it; null when the original was written.</summary>
    public DossierChange? Written => Volatile.Read(ref written);

    /// <summary>Decides the change's command again on the batch's running register; null when the core rejects it now.</summary>
    /// <remarks>Public because the writer is an adapter in another assembly; only a dossier store calls it.</remarks>
    public DossierChange? DecideOn(RegisterSnapshot running) => decide(running);

    /// <summary>Records the change the writer committed in place of the original.</summary>
    public void Wrote(DossierChange change) => Volatile.Write(ref written, change);
}
