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

public sealed record DossierCompleted(StepId EndStep, DossierStatus FinalStatus) : WorkflowEvent;
