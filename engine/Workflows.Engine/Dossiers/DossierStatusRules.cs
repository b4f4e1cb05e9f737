using System.Collections.Frozen;

namespace Workflows.Engine.Dossiers;

/// <summary>
/// Which status may follow which. The engine rejects any other change, whatever a definition says,
/// so a badly drawn procedure cannot, say, reopen a returned dossier.
/// </summary>
public static class DossierStatusRules
{
    private static readonly FrozenDictionary<DossierStatus, DossierStatus[]> Allowed = new Dictionary<DossierStatus, DossierStatus[]>
    {
        [DossierStatus.New] = [DossierStatus.Received, DossierStatus.SupplementRequested, DossierStatus.Refused, DossierStatus.Withdrawn],
        [DossierStatus.Received] = [DossierStatus.InProcess, DossierStatus.SupplementRequested, DossierStatus.AwaitingFee, DossierStatus.ResultReady, DossierStatus.Refused, DossierStatus.Withdrawn, DossierStatus.Stopped],
        [DossierStatus.InProcess] = [DossierStatus.SupplementRequested, DossierStatus.AwaitingFee, DossierStatus.ResultReady, DossierStatus.Refused, DossierStatus.Withdrawn, DossierStatus.Stopped],
        [DossierStatus.SupplementRequested] = [DossierStatus.New, DossierStatus.Received, DossierStatus.InProcess, DossierStatus.Refused, DossierStatus.Withdrawn, DossierStatus.Stopped],
        [DossierStatus.AwaitingFee] = [DossierStatus.InProcess, DossierStatus.ResultReady, DossierStatus.Withdrawn, DossierStatus.Stopped],
        [DossierStatus.ResultReady] = [DossierStatus.Returned],
        [DossierStatus.Refused] = [],
        [DossierStatus.Withdrawn] = [],
        [DossierStatus.Stopped] = [],
        [DossierStatus.Returned] = [],
    }.ToFrozenDictionary();

    public static bool CanChange(DossierStatus from, DossierStatus to) => from == to || Allowed[from].Contains(to);

    /// <summary>No further change is possible: the dossier's workflow is over.</summary>
    public static bool IsFinal(DossierStatus status) => Allowed[status].Length == 0;

    /// <summary>The applicant must act; the dossier's clock does not run.</summary>
    public static bool PausesClock(DossierStatus status) => status is DossierStatus.SupplementRequested or DossierStatus.AwaitingFee;
}
