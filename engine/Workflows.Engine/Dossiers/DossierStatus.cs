namespace Workflows.Engine.Dossiers;

/// <summary>The one status field of a dossier (docs/domain.md "Dossier status"): one field, one meaning.</summary>
public enum DossierStatus
{
    /// <summary>Submitted online, not yet received by the desk.</summary>
    New,
    Received,
    Refused,
    InProcess,

    /// <summary>The applicant must supplement the dossier; the clock is paused.</summary>
    SupplementRequested,

    /// <summary>The applicant must pay a fee or tax; the clock is paused.</summary>
    AwaitingFee,

    /// <summary>Withdrawn by the applicant.</summary>
    Withdrawn,

    /// <summary>Stopped by the authority, with a reason.</summary>
    Stopped,

    /// <summary>A valid signed result exists and waits to be returned.</summary>
    ResultReady,
    Returned,
}
