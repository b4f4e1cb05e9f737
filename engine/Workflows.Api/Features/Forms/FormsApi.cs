using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Identity;

namespace Workflows.Api.Features.Forms;

/// <summary>Forms 01–04 the host produced for a dossier (receipt, supplement request, refusal, apology).</summary>
public static class FormsApi
{
    public static IEndpointRouteBuilder MapFormsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dossiers").WithTags("Forms").RequireAuthorization();

        api.MapGet("/{dossierId}/forms", List);
        api.MapGet("/{dossierId}/forms/{form}/{sequence}", Download);
        return app;
    }

    /// <summary>The produced forms, in the order of the events that called for them.</summary>
    public static async Task<Results<Ok<List<DossierFormDto>>, ProblemHttpResult>> List(
        string dossierId, IDossierStore dossiers, IDossierFormStore forms, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var id) || await dossiers.FindAsync(id, ct) is null)
        {
            return Problems.NotFound(RejectionCodes.DossierNotFound, $"There is no dossier '{dossierId}'.");
        }

        var list = await forms.ListAsync(id, ct);
        return TypedResults.Ok(list.Select(f => new DossierFormDto(f.Form, f.EventSequence, f.CreatedAt, f.Size, $"/api/dossiers/{dossierId}/forms/{f.Form}/{f.EventSequence}")).ToList());
    }

    /// <summary>One produced form as a PDF.</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(
        string dossierId, string form, long sequence, IDossierStore dossiers, IDossierFormStore forms, IDocumentContentStore contents, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var id) || await dossiers.FindAsync(id, ct) is null)
        {
            return Problems.NotFound(RejectionCodes.DossierNotFound, $"There is no dossier '{dossierId}'.");
        }

        var found = (await forms.ListAsync(id, ct)).FirstOrDefault(f => f.Form == form && f.EventSequence == sequence);
        if (found is null || await contents.FindAsync(found.Sha256, ct) is not { } content)
        {
            return Problems.NotFound("form-not-found", $"Dossier '{dossierId}' has no form {form} for event {sequence}; GET /api/dossiers/{dossierId}/forms lists the forms produced so far (a form appears shortly after its event).");
        }

        return TypedResults.File(content.Content.ToArray(), "application/pdf", $"form-{form}-{sequence}.pdf");
    }
}

/// <summary>A produced form: its code ("01"), the event that called for it, when it was produced, its size in bytes.</summary>
public sealed record DossierFormDto(string Form, long EventSequence, DateTimeOffset CreatedAt, long Size, string Href);
