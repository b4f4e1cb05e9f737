using System.Collections.Immutable;
using Workflows.Engine.Calendar;
using Workflows.Engine.Forms;

namespace Workflows.Engine.Definitions;

/// <summary>
/// One version of a procedure: an immutable graph of steps and transitions, with roles, the dossier form
/// and the legal deadline. Published versions never change; running dossiers pin the version they began on.
/// </summary>
public sealed record ProcedureDefinition(ProcedureId Id, int Version, string Name)
{
    public string? Description { get; init; }

    /// <summary>The total deadline promised to the applicant, counted from receipt of the dossier.</summary>
    public WorkingDuration? Deadline { get; init; }

    /// <summary>Deadlines that replace <see cref="Deadline"/> when a field condition holds or an outcome is chosen (first listed wins).</summary>
    public ImmutableArray<Deadlines.DeadlineRule> DeadlineRules { get; init; } = [];

    public ImmutableArray<RoleDefinition> Roles { get; init; } = [];

    public FormSchema Form { get; init; } = FormSchema.Empty;

    public ImmutableArray<StepDefinition> Steps { get; init; } = [];

    public ImmutableArray<TransitionDefinition> Transitions { get; init; } = [];

    public ProcedurePolicies Policies { get; init; } = ProcedurePolicies.Default;

    /// <summary>Due-soon thresholds, the leader role and the escalation ladder (see <see cref="Sla.SlaPolicy"/>).</summary>
    public Sla.SlaPolicy Sla { get; init; } = Engine.Sla.SlaPolicy.Default;

    /// <summary>The completeness checklist: the dossier components the desk checks at receipt.</summary>
    public ImmutableArray<Documents.DocumentRequirement> Documents { get; init; } = [];

    /// <summary>The units that may receive and decide dossiers of this procedure (the runtime checks submissions).</summary>
    public CompetentUnits CompetentUnits { get; init; } = CompetentUnits.Anywhere;

    public DefinitionKey Key => new(Id, Version);
}
