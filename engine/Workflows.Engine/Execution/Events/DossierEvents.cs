using System.Collections.Immutable;
using System.Text.Json;
using Workflows.Engine.Definitions;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Events;

public sealed record DossierSubmitted(DefinitionKey Definition, UnitId Unit, SubmissionChannel Channel, ImmutableSortedDictionary<string, JsonElement> Data) : WorkflowEvent;

public sealed record DossierStatusChanged(DossierStatus From, DossierStatus To) : WorkflowEvent
{
    /// <summary>Set when this change starts the legal clock: the appointment promised to the applicant.</summary>
    public DateTimeOffset? DueAt { get; init; }
}

/// <summary>Form data changed by a person's step or an automatic step; values are the new ones.</summary>
public sealed record DataChanged(StepId Step, ImmutableSortedDictionary<string, JsonElement> Values) : WorkflowEvent;

/// <summary>The dossier's workflow is over: it reached an end step, or was withdrawn or stopped (then with a reason).</summary>
/// <summary>The dossier moved to a newer version of its procedure; <see cref="Mapping"/> says where each waiting step went.</summary>
public sealed record DossierMigrated(DefinitionKey From, DefinitionKey To, ImmutableSortedDictionary<string, string> Mapping) : WorkflowEvent;

/// <summary>The dossier got a number from one of the unit's registers (receipt number, document number).</summary>
public sealed record NumberAssigned(string Register, string Field, string Number, long Sequence) : WorkflowEvent;

public sealed record DossierCompleted(StepId? EndStep, DossierStatus FinalStatus) : WorkflowEvent
{
    public string? Reason { get; init; }
}

/// <summary>The applicant must act; the legal clock stops with this much working time left.</summary>
public sealed record ClockPaused(TimeSpan RemainingWorkingTime) : WorkflowEvent;

/// <summary>The clock runs again; the appointment moved to <see cref="DueAt"/>.</summary>
public sealed record ClockResumed(DateTimeOffset DueAt, ClockResumption Mode) : WorkflowEvent;
