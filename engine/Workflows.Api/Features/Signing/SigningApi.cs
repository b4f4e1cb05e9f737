using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Features.Dossiers;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Signatures;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence;
using Workflows.Engine.Persistence.Runtime;
using Workflows.Engine.Signing;
using Workflows.Engine.Signing.Documents.Forms;
using Workflows.Engine.Signing.Pades;
using Workflows.Engine.Signing.Signers;
using Workflows.Engine.Signing.Verification;

namespace Workflows.Api.Features.Signing;

/// <summary>
/// Approve and issue with real signatures: the server signs the result PDF with the caller's key (personal) or the
/// unit's key (e-seal), verifies it, and completes the step with the verified evidence; the core decides. Plus
/// verification of any uploaded PDF and e-results fetched by their number.
/// </summary>
public static class SigningApi
{
    public static IEndpointRouteBuilder MapSigningApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/tasks/{taskId}/sign", Sign).WithTags("Signing").RequireAuthorization();
        app.MapPost("/api/signatures/verify", Verify).WithTags("Signing").RequireAuthorization().Accepts<byte[]>("application/pdf");
        app.MapGet("/api/results/{**number}", Result).WithTags("Signing").RequireAuthorization();
        return app;
    }

    /// <summary>
    /// Signs the dossier's result with a server-held key and completes the signature or issue step with
    /// <paramref name="request"/>'s outcome. Refusals (wrong person, wrong unit, changed after approval, an invalid
    /// certificate) store nothing and leave the dossier as it was.
    /// </summary>
    public static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> Sign(string taskId, SignTaskRequest request, HttpContext http, [AsParameters] SigningServices services, CancellationToken ct)
    {
        if (!TaskId.TryParse(taskId, out var id))
        {
            return Problems.NotFound(RejectionCodes.TaskNotOpen, $"'{taskId}' is not a task id (expected <dossier id>.<step number>).");
        }

        if (string.IsNullOrWhiteSpace(request.Outcome))
        {
            return Problems.Unprocessable(RejectionCodes.UnknownOutcome, "Say which outcome you sign: \"outcome\" is required (e.g. \"approve\" or \"issued\").");
        }

        var actor = http.User.ToActor();
        var state = await services.Dossiers.FindAsync(id.Dossier, ct);
        if (state is null)
        {
            return Problems.NotFound(RejectionCodes.DossierNotFound, $"Dossier {id.Dossier} does not exist.");
        }

        var procedure = await services.Procedures.FindAsync(state.Definition, ct);
        var active = state.FindActive(id.StepInstance);
        if (procedure is null || active is null)
        {
            return Problems.From(Rejection.TaskNotOpen(id.StepInstance));
        }

        var step = procedure.Step(active.Step);
        var unit = active.Unit ?? state.Unit;
        if (SigningRules.KindFor(step.Kind) is not { } kind || !SigningRules.Signs(step, request.Outcome))
        {
            return Problems.Unprocessable("not-a-signing-outcome", $"Outcome '{request.Outcome}' of step '{step.Id}' ({step.Name}) signs nothing; complete it with POST /api/tasks/{taskId}/complete.");
        }

        if (active.Role is { } role && (actor.Unit != unit || !actor.HasRole(role) || (active.Assignee is { } assignee && assignee != actor.User)))
        {
            return Problems.From(new Rejection(RejectionCodes.NotAuthorized, $"Task {id.StepInstance} ({step.Name}) is for role '{role}' in unit '{unit}'; '{actor.User}' may not sign it."));
        }

        var keyId = kind == SignatureEvidenceKind.Personal ? KeyIds.For(actor.User) : KeyIds.For(unit);
        if (await services.Keys.FindAsync(keyId, ct) is not { } signer)
        {
            return Problems.Unprocessable("no-signing-key", kind == SignatureEvidenceKind.Personal
                ? $"The server holds no signing key for '{actor.User}'. Sign with your USB token or remote-signing service instead."
                : $"The server holds no e-seal key for unit '{unit}'. Ask the administrator to import the unit's organization certificate.");
        }

        var now = services.Time.GetUtcNow();
        var latest = await services.Documents.LatestAsync(state.Dossier, ct);
        byte[] input;
        SignatureRequest signature;
        string? number = null;
        StoredResultDocument? draft = null;
        if (kind == SignatureEvidenceKind.Personal)
        {
            // The leader signs the result as the dossier stands now; a rework re-renders it.
            var rendered = await ResultDrafts.RenderAsync(state, procedure, services.Directory, now, ct);
            input = rendered.Pdf;
            signature = (rendered.Area(SignatureFields.Leader) is { } area ? SignatureRequest.For(area) : new SignatureRequest(SignatureKind.Personal, SignatureFields.Leader))
                with { ExpectedUser = actor.User, Reason = "Phê duyệt kết quả" };
            draft = new StoredResultDocument(state.Dossier, (latest?.Revision ?? 0) + 1, ResultDocumentKind.Draft, unit, null, input, SignatureEvidenceReader.Sha256(input), actor.User, now);
        }
        else
        {
            if (latest is not { Kind: ResultDocumentKind.Approved })
            {
                return Problems.From(new Rejection(SignatureRejectionCodes.ResultNotSigned, "The result has no personal signature of the approving leader yet, so it cannot be sealed. Return it to the leader for approval."));
            }

            input = latest.Pdf;
            number = await NextNumberAsync(procedure, state, step, active, services.Registers, now, ct);
            signature = new SignatureRequest(SignatureKind.Organization, SignatureFields.OrganizationSeal)
            {
                ExpectedUnit = unit,
                Reason = number is null ? "Phát hành kết quả" : $"Phát hành kết quả số {number}",
            };
        }

        var signed = await services.Signing.SignAsync(input, signer, signature, ct);
        if (!signed.Succeeded)
        {
            return Problems.From(signed.Rejection);
        }

        var verifier = new PdfSignatureVerifier(await services.Keys.TrustAsync(ct), services.Time);
        var (evidence, problem) = SignatureEvidenceReader.Read(verifier.Verify(signed.Value), signed.Value, input, signer.Certificate);
        if (evidence is null)
        {
            return Problems.Unprocessable(SigningRejectionCodes.CertificateWrongKind, problem!);
        }

        var command = new CompleteTask(id.StepInstance, request.Outcome, new Dictionary<string, System.Text.Json.JsonElement>(), actor) { Comment = request.Comment, Signature = evidence with { ResultNumber = number } };
        var outcome = await services.Runtime.ExecuteAsync(state.Dossier, command, ct);
        if (outcome is CommandDone)
        {
            var revision = (latest?.Revision ?? 0) + 1;
            if (draft is not null)
            {
                await services.Documents.AddAsync(draft, ct);
                revision++;
            }

            await services.Documents.AddAsync(new StoredResultDocument(
                state.Dossier, revision, kind == SignatureEvidenceKind.Personal ? ResultDocumentKind.Approved : ResultDocumentKind.Sealed,
                unit, number, signed.Value, evidence.SignedRevisionDigest, actor.User, now), ct);
        }

        return await DossierResults.FromAsync(outcome, services.Procedures, ct);
    }

    /// <summary>Checks every signature of an uploaded PDF (body: the PDF bytes, Content-Type application/pdf).</summary>
    public static async Task<Results<Ok<VerificationDto>, ProblemHttpResult>> Verify(HttpContext http, ProtectedKeyVault keys, TimeProvider time, CancellationToken ct)
    {
        var (pdf, problem) = await PdfUpload.ReadAsync(http.Request, ct);
        if (pdf is null)
        {
            return problem!;
        }

        var verifier = new PdfSignatureVerifier(await keys.TrustAsync(ct), time);
        return TypedResults.Ok(VerificationDto.From(verifier.Verify(pdf)));
    }

    /// <summary>
    /// An e-result by its number: <c>GET /api/results/{number}</c> gives its metadata and a fresh verification,
    /// <c>GET /api/results/{number}/pdf</c> the signed PDF. Numbers contain "/", which the route keeps.
    /// </summary>
    public static async Task<Results<Ok<ResultDto>, FileContentHttpResult, ProblemHttpResult>> Result(string number, string? unit, IResultDocumentStore documents, ProtectedKeyVault keys, TimeProvider time, CancellationToken ct)
    {
        var wantsPdf = number.EndsWith("/pdf", StringComparison.Ordinal);
        var key = wantsPdf ? number[..^4] : number;
        var found = (await documents.FindByNumberAsync(key, ct)).Where(d => unit is null || d.Unit.Value == unit).ToList();
        if (found.Count == 0)
        {
            return Problems.NotFound("result-not-found", $"No issued result carries number '{key}'{(unit is null ? "" : $" in unit '{unit}'")}.");
        }

        if (found.Select(d => d.Unit).Distinct().Count() > 1)
        {
            return TypedResults.Problem(Problems.Create(409, "result-number-ambiguous", $"Number '{key}' was issued by several units ({string.Join(", ", found.Select(d => d.Unit.Value).Distinct())}); add ?unit=<unit id>."));
        }

        var document = found[^1];
        if (wantsPdf)
        {
            return TypedResults.File(document.Pdf, "application/pdf", $"{key.Replace('/', '-')}.pdf");
        }

        var verifier = new PdfSignatureVerifier(await keys.TrustAsync(ct), time);
        return TypedResults.Ok(new ResultDto(key, document.Dossier.ToString(), document.Unit.Value, document.Revision, document.Sha256, document.CreatedBy.Value, document.CreatedAt, VerificationDto.From(verifier.Verify(document.Pdf))));
    }

    private static async Task<string?> NextNumberAsync(ExecutableProcedure procedure, InstanceState state, StepDefinition step, ActiveStep active, IRegisterStore registers, DateTimeOffset now, CancellationToken ct)
    {
        if (step.Numbering is not { } rule)
        {
            return null;
        }

        if (state.Data.TryGetValue(rule.Field, out var existing) && existing.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            return existing.GetString();
        }

        var key = new RegisterKey(active.Unit ?? state.Unit, rule.Register, WorkflowExecutor.RegisterKeysFor(procedure, state, now).FirstOrDefault(k => k.Register == rule.Register).Year);
        var snapshot = await registers.ReadAsync([key], ct);
        return NumberFormat.Apply(rule.Format, snapshot.LastOf(key) + 1, key);
    }
}

public sealed record SigningServices(
    WorkflowRuntime Runtime,
    ExecutableProcedureCache Procedures,
    IDossierStore Dossiers,
    IResultDocumentStore Documents,
    IRegisterStore Registers,
    IDirectory Directory,
    ProtectedKeyVault Keys,
    PdfSigningService Signing,
    TimeProvider Time);

public sealed record SignTaskRequest(string Outcome, string? Comment);
