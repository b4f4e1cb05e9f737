using System.Collections.Immutable;
using Workflows.Engine.Calendar;

namespace Workflows.Engine.Sla;

/// <summary>
/// A procedure's service-level rules beyond its deadline and budgets: when a step or the dossier counts as
/// "due soon", who leads the unit, and the escalation ladder run for every official's step that has a due instant.
/// </summary>
public sealed record SlaPolicy
{
    /// <summary>The role that leads a unit when no rung names another (the demo directory's leaders hold it).</summary>
    public const string DefaultLeaderRole = "leader";

    public static readonly SlaPolicy Default = new();

    /// <summary>A step is due soon within this much working time of its due instant (docs/domain.md, timing classes: 1 working day).</summary>
    public WorkingDuration StepDueSoon { get; init; } = WorkingDuration.WorkingDays(1);

    /// <summary>The dossier is due soon within this much working time of its appointment (docs/domain.md, timing classes: 3 working days).</summary>
    public WorkingDuration DossierDueSoon { get; init; } = WorkingDuration.WorkingDays(3);

    public string LeaderRole { get; init; } = DefaultLeaderRole;

    /// <summary>Rungs in the order written; offsets are working time relative to the step's due instant.</summary>
    public ImmutableArray<EscalationRung> Escalation { get; init; } = [];

    public bool Equals(SlaPolicy? other) =>
        other is not null
        && StepDueSoon == other.StepDueSoon
        && DossierDueSoon == other.DossierDueSoon
        && LeaderRole == other.LeaderRole
        && Escalation.SequenceEqual(other.Escalation);

    public override int GetHashCode() => HashCode.Combine(StepDueSoon, DossierDueSoon, LeaderRole, Escalation.Length);
}
