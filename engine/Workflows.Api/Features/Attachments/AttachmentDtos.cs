using Workflows.Engine.Documents;
using Workflows.Engine.Execution;

namespace Workflows.Api.Features.Attachments;

/// <summary>An attached file as the dossier view lists it; <see cref="Download"/> fetches the bytes.</summary>
public sealed record AttachmentDto(
    string Id,
    string Component,
    string FileName,
    string MediaType,
    long Size,
    string Sha256,
    DateTimeOffset AttachedAt,
    string? AttachedBy,
    string? TaskId,
    string Download)
{
    public static AttachmentDto From(InstanceState state, Attachment a) => new(
        a.Id, a.Component, a.FileName, a.MediaType, a.Size, a.Sha256, a.AttachedAt, a.AttachedBy?.Value,
        a.StepInstance is { } i ? new TaskId(state.Dossier, i).ToString() : null,
        $"/api/dossiers/{state.Dossier}/attachments/{a.Id}");
}

/// <summary>One line of the completeness checklist: is the component there yet?</summary>
public sealed record ChecklistItemDto(string Key, string Name, bool Required, IReadOnlyList<string> AcceptedTypes, long MaxBytes, int Attached)
{
    public static List<ChecklistItemDto> From(InstanceState state, ExecutableProcedure? procedure) =>
        procedure is null
            ? []
            : [.. procedure.Definition.Documents.Select(d => new ChecklistItemDto(
                d.Key, d.Name, d.Required, [.. d.AcceptedTypes], d.MaxBytes, state.Attachments.Count(a => a.Component == d.Key)))];
}
