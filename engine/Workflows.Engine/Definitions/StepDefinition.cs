using System.Collections.Immutable;
using Workflows.Engine.Calendar;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Definitions;

/// <summary>One step of a procedure. Which properties matter depends on <see cref="Kind"/>.</summary>
public sealed record StepDefinition(StepId Id, StepKind Kind, string Name)
{
    /// <summary>Role that performs a person's step.</summary>
    public string? Role { get; init; }

    /// <summary>A fixed unit that performs the step (e.g. police for a consultation); default: the dossier's unit.</summary>
    public UnitId? Unit { get; init; }

    /// <summary>This step's share of the procedure deadline; its due instant is computed on entry.</summary>
    public WorkingDuration? Budget { get; init; }

    /// <summary>Outcomes a person may choose, e.g. "accept", "request-supplement", "refuse".</summary>
    public ImmutableArray<string> Outcomes { get; init; } = [];

    /// <summary>The dossier status while this step is active, or the final status for an end step.</summary>
    public DossierStatus? Status { get; init; }

    /// <summary>Form fields a person may fill in at this step (all fields when empty).</summary>
    public ImmutableArray<string> Fields { get; init; } = [];

    /// <summary>Form fields that must hold a value when this step is completed.</summary>
    public ImmutableArray<string> RequiredFields { get; init; } = [];

    /// <summary>For a timer step: how long to wait, in working time.</summary>
    public WorkingDuration? Wait { get; init; }

    /// <summary>For an automatic step: field key → expression computing its new value.</summary>
    public ImmutableDictionary<string, string> Assignments { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>For a person's step: the register number it assigns when it completes.</summary>
    public NumberingRule? Numbering { get; init; }

    /// <summary>Outcomes refused while a required component of the checklist has no attachment (the desk's "accept").</summary>
    public ImmutableArray<string> RequireDocumentsOn { get; init; } = [];

    /// <summary>For a signature or issue step: outcomes that need a verified signature (see <see cref="Execution.Signatures.SigningRules"/> for the default).</summary>
    public ImmutableArray<string> SignOn { get; init; } = [];

    public string? Description { get; init; }

    /// <summary>For a person's step: the form field (type user) naming who the task opens assigned to (the leader's pick).</summary>
    public string? AssignTo { get; init; }

    /// <summary>For a person's step: the rule that assigns the task on open among the role's holders in the unit.</summary>
    public Execution.AssignmentRule? Assignment { get; init; }

    /// <summary>For a person's step: it closes itself with an outcome when nobody completes it in time.</summary>
    public StepTimeout? Timeout { get; init; }

    /// <summary>The fee the applicant owes for this step's service, if any.</summary>
    public StepFee? Fee { get; init; }

    /// <summary>The result-document template this step renders (signature and issue steps).</summary>
    public ResultTemplate? Template { get; init; }
}
