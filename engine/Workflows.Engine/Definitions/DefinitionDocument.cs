using System.Text.Json.Serialization;

namespace Workflows.Engine.Definitions;

// The definition file format (procedures/<id>/definition.json), exactly as written by people and the designer.
// Everything is a plain string or list here so that reading never fails on a bad value: the mapper turns
// these into the domain model and reports each bad value with its location.

public sealed record DefinitionDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }

    public string? Id { get; init; }

    public int? Version { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Deadline { get; init; }

    /// <summary>Deadlines that apply instead of <see cref="Deadline"/> in some cases (see <see cref="Deadlines.DeadlineRule"/>).</summary>
    public List<Deadlines.DeadlineRuleDocument>? DeadlineRules { get; init; }

    public List<RoleDocument>? Roles { get; init; }

    public FormDocument? Form { get; init; }

    public List<StepDocument>? Steps { get; init; }

    public List<TransitionDocument>? Transitions { get; init; }

    public PoliciesDocument? Policies { get; init; }

    public Sla.SlaDocument? Sla { get; init; }

    public List<Sla.EscalationRungDocument>? Escalation { get; init; }

    public List<Documents.DocumentRequirementDocument>? Documents { get; init; }

    /// <summary>Which units may receive and decide the procedure (see <see cref="CompetentUnits"/>); omitted: any unit.</summary>
    public CompetentUnitsDocument? CompetentUnits { get; init; }
}

public sealed record PoliciesDocument
{
    public List<string>? StopRoles { get; init; }

    /// <summary>"continue" (default) or "restart".</summary>
    public string? ClockOnResume { get; init; }

    /// <summary>Working time the applicant has to supplement, e.g. "10d".</summary>
    public string? SupplementWindow { get; init; }
}

public sealed record RoleDocument(string? Id, string? Name);

public sealed record FormDocument
{
    public List<FieldDocument>? Fields { get; init; }
}

public sealed record FieldDocument
{
    public string? Key { get; init; }

    public string? Label { get; init; }

    public string? Type { get; init; }

    public bool Required { get; init; }

    public List<string>? Options { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>Who may write the field: "applicant", "steps" or "system" (derived when absent, see FieldWriter).</summary>
    public string? WrittenBy { get; init; }

    /// <summary>National-ID fields only: {"source": "population-registry", "fills": {"fieldKey": "full-name", …}}.</summary>
    public AutoFillDocument? AutoFill { get; init; }
}

public sealed record AutoFillDocument
{
    public string? Source { get; init; }

    /// <summary>Form field key → registry attribute (full-name, birth-date, sex, nationality, hometown, permanent-address, current-address).</summary>
    public Dictionary<string, string>? Fills { get; init; }
}

public sealed record StepDocument
{
    public string? Id { get; init; }

    public string? Kind { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Role { get; init; }

    public string? Unit { get; init; }

    public string? Budget { get; init; }

    public List<string>? Outcomes { get; init; }

    public string? Status { get; init; }

    public List<string>? Fields { get; init; }

    public List<string>? RequiredFields { get; init; }

    public string? Wait { get; init; }

    public Dictionary<string, string>? Set { get; init; }

    public NumberingDocument? Numbering { get; init; }

    /// <summary>Signature/issue steps: outcomes that need a verified signature on the result.</summary>
    public List<string>? SignOn { get; init; }

    /// <summary>Outcomes refused while a required dossier component is missing, e.g. ["accept"].</summary>
    public List<string>? RequireDocuments { get; init; }

    /// <summary>A form field of type user naming who the task opens assigned to.</summary>
    public string? AssignTo { get; init; }

    /// <summary>"round-robin" or "least-loaded".</summary>
    public string? Assignment { get; init; }

    public TimeoutDocument? Timeout { get; init; }

    public FeeDocument? Fee { get; init; }

    public TemplateDocument? Template { get; init; }
}

/// <summary>"amount" in whole đồng, "currency" (only "VND"), and a "note" for the applicant.</summary>
public sealed record FeeDocument
{
    public decimal? Amount { get; init; }

    public string? Currency { get; init; }

    public string? Note { get; init; }
}

/// <summary>The result-document template by "id", with its display "name".</summary>
public sealed record TemplateDocument
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}

/// <summary>"after" (working time from the task's opening; omitted: the step's budget) and the "outcome" it closes with.</summary>
public sealed record TimeoutDocument
{
    public string? After { get; init; }

    public string? Outcome { get; init; }
}

public sealed record NumberingDocument
{
    public string? Register { get; init; }

    public string? Field { get; init; }

    /// <summary>Outcomes that assign the number (all outcomes when omitted).</summary>
    public List<string>? On { get; init; }

    public string? Format { get; init; }
}

public sealed record TransitionDocument
{
    public string? From { get; init; }

    public string? To { get; init; }

    public string? Outcome { get; init; }

    public string? Condition { get; init; }

    public bool Default { get; init; }
}
