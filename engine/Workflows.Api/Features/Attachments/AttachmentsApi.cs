using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Features.Dossiers;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Documents;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Identity;

namespace Workflows.Api.Features.Attachments;

/// <summary>
/// Digitized dossier components and officials' files: upload (the raw file as the body), list, download, remove.
/// The type is read from the content (magic bytes), never from the client's Content-Type or file name; the bytes
/// are stored only if the dossier accepts the attachment.
/// </summary>
public static class AttachmentsApi
{
    /// <summary>The request limit of an upload: the store's cap on one file (the body is the file itself).</summary>
    public const long MaxUploadBytes = DocumentLimits.MaxBytes;

    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        var dossiers = app.MapGroup("/api/dossiers/{dossierId}/attachments").WithTags("Attachments").RequireAuthorization();
        dossiers.MapGet("/", List);
        dossiers.MapPost("/", Upload).WithMetadata(new UploadSizeLimit(MaxUploadBytes));
        dossiers.MapGet("/{attachmentId}", Download);
        dossiers.MapDelete("/{attachmentId}", Remove);

        var tasks = app.MapGroup("/api/tasks/{taskId}/attachments").WithTags("Attachments").RequireAuthorization();
        tasks.MapPost("/", UploadToTask).WithMetadata(new UploadSizeLimit(MaxUploadBytes));
        return app;
    }

    /// <summary>The dossier's attachments and its checklist (how many files each component has).</summary>
    public static async Task<Results<Ok<AttachmentListDto>, ProblemHttpResult>> List(string dossierId, [AsParameters] DossierServices services, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var id) || await services.Dossiers.FindAsync(id, ct) is not { } state)
        {
            return NotFound(dossierId);
        }

        var procedure = await services.Procedures.FindAsync(state.Definition, ct);
        return TypedResults.Ok(new AttachmentListDto(
            [.. state.Attachments.Select(a => AttachmentDto.From(state, a))],
            ChecklistItemDto.From(state, procedure)));
    }

    /// <summary>
    /// Attaches the request body as a file for checklist <paramref name="component"/> (or "other"). Query:
    /// component, fileName, optional id (reuse it when retrying, so a retry is refused as a duplicate, not stored twice).
    /// </summary>
    public static Task<Results<Created<DossierDto>, ProblemHttpResult>> Upload(
        string dossierId, string? component, string? fileName, string? id, HttpContext http, [AsParameters] DossierServices services, CancellationToken ct) =>
        UploadAsync(dossierId, null, component, fileName, id, http, services, ct);

    /// <summary>An official attaches a working file (draft, inspection photo) to their task; the task's rules apply.</summary>
    public static Task<Results<Created<DossierDto>, ProblemHttpResult>> UploadToTask(
        string taskId, string? component, string? fileName, string? id, HttpContext http, [AsParameters] DossierServices services, CancellationToken ct)
    {
        if (!TaskId.TryParse(taskId, out var task))
        {
            return Task.FromResult<Results<Created<DossierDto>, ProblemHttpResult>>(
                Problems.NotFound(RejectionCodes.TaskNotOpen, $"'{taskId}' is not a task id (<dossier>.<n>)."));
        }

        return UploadAsync(task.Dossier.ToString(), task.StepInstance, component ?? DocumentLimits.OtherComponent, fileName, id, http, services, ct);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        string dossierId, string attachmentId, IDocumentContentStore contents, [AsParameters] DossierServices services, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var id) || await services.Dossiers.FindAsync(id, ct) is not { } state)
        {
            return NotFound(dossierId);
        }

        var attachment = state.Attachments.Find(a => a.Id == attachmentId);
        if (attachment is null)
        {
            return Problems.NotFound(DocumentRejections.AttachmentNotFound, $"Dossier {dossierId} has no attachment '{attachmentId}'; GET /api/dossiers/{dossierId}/attachments lists them.");
        }

        var content = await contents.FindAsync(attachment.Sha256, ct)
            ?? throw new InvalidOperationException($"Attachment '{attachmentId}' of dossier {dossierId} refers to content {attachment.Sha256}, which is not stored.");
        return TypedResults.File(content.Content.ToArray(), attachment.MediaType, attachment.FileName);
    }

    public static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> Remove(string dossierId, string attachmentId, HttpContext http, [AsParameters] DossierServices services, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var id))
        {
            return NotFound(dossierId);
        }

        return await DossierResults.FromAsync(await services.Runtime.ExecuteAsync(id, new RemoveAttachment(attachmentId, http.User.ToActor()), ct), services.Procedures, ct);
    }

    private static async Task<Results<Created<DossierDto>, ProblemHttpResult>> UploadAsync(
        string dossierId, int? stepInstance, string? component, string? fileName, string? attachmentId, HttpContext http, DossierServices services, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var dossier))
        {
            return NotFound(dossierId);
        }

        if (string.IsNullOrWhiteSpace(component) || string.IsNullOrWhiteSpace(fileName))
        {
            return Problems.BadRequest(DocumentRejections.InvalidAttachment, "Say what the file is: query parameters \"component\" (a checklist key, or \"other\") and \"fileName\" are required; the body is the file itself.");
        }

        var body = await UploadBody.ReadAsync(http.Request, MaxUploadBytes, ct);
        if (body is null)
        {
            return Problems.From(new Rejection(DocumentRejections.FileTooLarge, $"The file is larger than {MaxUploadBytes} bytes ({MaxUploadBytes / (1024 * 1024)} MB), the most the store accepts for one file. Scan at a lower resolution or split it."));
        }

        if (body.Length == 0)
        {
            return Problems.Unprocessable(DocumentRejections.InvalidAttachment, "The request body is empty; send the file's bytes as the body.");
        }

        var mediaType = MediaTypes.Sniff(body);
        if (mediaType is null)
        {
            return Problems.From(new Rejection(DocumentRejections.UnsupportedMediaType, $"'{fileName}' is not a PDF, JPEG, PNG or TIFF file (judged by its content, whatever its name or Content-Type says). Scan the component to one of those."));
        }

        var content = StoredContent.Of(mediaType, body);
        var id = string.IsNullOrWhiteSpace(attachmentId) ? Guid.CreateVersion7().ToString("N") : attachmentId;
        var command = new AttachDocument(new Attachment(id, component, fileName.Trim(), mediaType, content.Size, content.Sha256), stepInstance, http.User.ToActor());
        var outcome = await services.Runtime.ExecuteAsync(dossier, command, [content], ct);
        if (outcome is CommandRejected refused)
        {
            return Problems.From(refused.Rejection);
        }

        var done = (CommandAccepted)outcome;
        return TypedResults.Created($"/api/dossiers/{dossierId}/attachments/{id}", DossierDto.From(done.State, await services.Procedures.FindAsync(done.State.Definition, ct)));
    }

    private static ProblemHttpResult NotFound(string dossierId) =>
        Problems.NotFound(RejectionCodes.DossierNotFound, $"There is no dossier '{dossierId}'.");
}

public sealed record AttachmentListDto(IReadOnlyList<AttachmentDto> Attachments, IReadOnlyList<ChecklistItemDto> Checklist);
