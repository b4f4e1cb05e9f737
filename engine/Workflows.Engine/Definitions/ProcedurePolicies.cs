using System.Collections.Immutable;

namespace Workflows.Engine.Definitions;

/// <summary>What happens to the remaining time when a paused clock (supplement, fee) runs again.</summary>
public enum ClockResumption
{
    /// <summary>The time left at the pause continues (the default, docs/domain.md "Deadlines, pauses and budgets").</summary>
    Continue,

    /// <summary>The full deadline starts again from the resumption.</summary>
    Restart,
}

/// <summary>Procedure-wide rules that are not steps.</summary>
public sealed record ProcedurePolicies
{
    public static readonly ProcedurePolicies Default = new();

    /// <summary>Roles (in the dossier's unit) allowed to stop a dossier with a reason.</summary>
    public ImmutableArray<string> StopRoles { get; init; } = [];

    public ClockResumption ClockOnResume { get; init; } = ClockResumption.Continue;

    /// <summary>How long the applicant has to supplement (working time); after it the dossier may be stopped.</summary>
    public Calendar.WorkingDuration? SupplementWindow { get; init; }
}
