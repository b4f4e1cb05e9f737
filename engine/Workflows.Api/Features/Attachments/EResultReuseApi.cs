using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Features.Dossiers;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Documents;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Identity;
using Workflows.Engine.Signing.Verification;

namespace Workflows.Api.Features.Attachments;

/// <summary>
/// E-results are reusable (Decree 45/2020): a result another dossier already received — a birth certificate extract, a
/// criminal record certificate — is attached to a new dossier by its number, without scanning paper. The sealed PDF is
/// verified again first; only an intact, validly signed result is taken.
/// </summary>
public static class EResultReuseApi
{
    public static IEndpointRouteBuilder MapEResultReuseApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dossiers/{dossierId}/attachments/from-result", Attach).WithTags("Attachments").RequireAuthorization();
        return app;
    }

    /// <summary>Attaches the sealed e-result with this number as checklist <c>component</c> of the dossier.</summary>
    public static async Task<Results<Created<DossierDto>, ProblemHttpResult>> Attach(
        string dossierId, EResultAttachmentRequest request, HttpContext http, IResultDocumentStore results, ProtectedKeyVault keys, TimeProvider time,
        [AsParameters] DossierServices services, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var dossier))
        {
            return Problems.NotFound(RejectionCodes.DossierNotFound, $"There is no dossier '{dossierId}'.");
        }

        if (string.IsNullOrWhiteSpace(request.Number) || string.IsNullOrWhiteSpace(request.Component))
        {
            return Problems.BadRequest(DocumentRejections.InvalidAttachment, "Say which e-result and what it is: \"number\" (the result's number, e.g. \"12/2026/KS\") and \"component\" (a checklist key, or \"other\") are required.");
        }

        var found = (await results.FindByNumberAsync(request.Number, ct)).Where(d => request.Unit is null || d.Unit.Value == request.Unit).ToList();
        if (found.Count == 0)
        {
            return Problems.NotFound("result-not-found", $"No issued e-result carries number '{request.Number}'{(request.Unit is null ? "" : $" in unit '{request.Unit}'")}.");
        }

        if (found.Select(d => d.Unit).Distinct().Count() > 1)
        {
            return TypedResults.Problem(Problems.Create(409, "result-number-ambiguous", $"Number '{request.Number}' was issued by several units ({string.Join(", ", found.Select(d => d.Unit.Value).Distinct())}); add \"unit\"."));
        }

        var result = found[^1];
        var report = new PdfSignatureVerifier(await keys.TrustAsync(ct), time).Verify(result.Pdf);
        if (!report.IsIntact)
        {
            var why = report.Signatures.SelectMany(s => s.Problems).DefaultIfEmpty("something was added after the last signature").First();
            return Problems.Unprocessable("e-result-not-valid", $"E-result '{request.Number}' does not verify ({why}); it cannot be reused. Ask the issuing unit '{result.Unit}'.");
        }

        var content = StoredContent.Of(MediaTypes.Pdf, result.Pdf);
        var fileName = $"e-result {request.Number.Replace('/', '-')}.pdf";
        var command = new AttachDocument(new Attachment(Guid.CreateVersion7().ToString("N"), request.Component.Trim(), fileName, MediaTypes.Pdf, content.Size, content.Sha256), null, http.User.ToActor());
        var outcome = await services.Runtime.ExecuteAsync(dossier, command, [content], ct);
        if (outcome is CommandRejected refused)
        {
            return Problems.From(refused.Rejection);
        }

        var done = (CommandAccepted)outcome;
        var id = command.Attachment.Id;
        return TypedResults.Created($"/api/dossiers/{dossierId}/attachments/{id}", DossierDto.From(done.State, await services.Procedures.FindAsync(done.State.Definition, ct)));
    }
}

/// <summary>The e-result's number (and its unit when numbers collide across units) and the checklist component it fills.</summary>
public sealed record EResultAttachmentRequest(string? Number, string? Component)
{
    public string? Unit { get; init; }
}
