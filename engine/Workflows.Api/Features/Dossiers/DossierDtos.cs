using System.Text.Json;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Serialization;

namespace Workflows.Api.Features.Dossiers;

/// <summary>A new dossier: which procedure (latest published version unless given), which unit, the form data.</summary>
public sealed record SubmitDossierRequest(string Procedure, string Unit, Dictionary<string, JsonElement>? Data)
{
    public int? Version { get; init; }

    /// <summary>"online" (default: arrives as new for the desk) or "desk".</summary>
    public string? Channel { get; init; }
}

/// <param name="Priority">0 is normal; each raise-priority rung of the escalation ladder adds one (task lists show higher first).</param>
public sealed record ActiveStepDto(string TaskId, string Step, string Name, string Kind, string? Role, string? Unit, string? Assignee, DateTimeOffset StartedAt, DateTimeOffset? DueAt, IReadOnlyList<string> Outcomes, int Priority = 0);

public sealed record DossierDto(
    string Id,
    string Procedure,
    int Version,
    string Unit,
    string Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyDictionary<string, JsonElement> Data,
    IReadOnlyList<ActiveStepDto> ActiveSteps,
    long Revision)
{
    /// <summary>Digitized components and officials' files (download each at its link).</summary>
    public IReadOnlyList<Features.Attachments.AttachmentDto> Attachments { get; init; } = [];

    /// <summary>The procedure's completeness checklist with how many files each component has.</summary>
    public IReadOnlyList<Features.Attachments.ChecklistItemDto> Checklist { get; init; } = [];

    public static DossierDto From(InstanceState state, ExecutableProcedure? procedure) => new(
        state.Dossier.ToString(),
        state.Definition.Procedure.Value,
        state.Definition.Version,
        state.Unit.Value,
        KebabCase.Name(state.Status),
        state.SubmittedAt,
        state.ReceivedAt,
        state.DueAt,
        state.CompletedAt,
        state.Data,
        state.ActiveSteps.Select(s =>
        {
            var step = procedure?.Step(s.Step);
            return new ActiveStepDto(
                new TaskId(state.Dossier, s.Instance).ToString(), s.Step.Value, step?.Name ?? s.Step.Value, KebabCase.Name(s.Kind),
                s.Role, s.Unit?.Value, s.Assignee?.Value, s.StartedAt, s.DueAt, step is null ? [] : [.. step.Outcomes], s.Priority);
        }).ToList(),
        state.Version)
    {
        Attachments = [.. state.Attachments.Select(a => Features.Attachments.AttachmentDto.From(state, a))],
        Checklist = Features.Attachments.ChecklistItemDto.From(state, procedure),
    };
}

/// <summary>One entry of a dossier's history; <see cref="Event"/> is the stored event as JSON (its "type" says which).</summary>
public sealed record HistoryEntryDto(long Sequence, DateTimeOffset At, string Actor, JsonElement Event)
{
    public static HistoryEntryDto From(RecordedEvent e) => new(
        e.Sequence, e.At, e.Actor.Value, JsonSerializer.SerializeToElement(e.Event, WorkflowJson.Options));
}

public sealed record DossierWithHistoryDto(DossierDto Dossier, IReadOnlyList<HistoryEntryDto> History);
