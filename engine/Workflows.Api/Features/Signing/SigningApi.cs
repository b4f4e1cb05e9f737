using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Features.Dossiers;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Signatures;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence;
using Workflows.Engine.Printing.Forms;
using Workflows.Engine.Signing;
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
        app.MapPost("/api/tasks/{taskId}/sign/prepare", Prepare).WithTags("Signing").RequireAuthorization();
        app.MapPost("/api/tasks/{taskId}/sign/complete", Complete).WithTags("Signing").RequireAuthorization();
        app.MapPost("/api/signatures/verify", Verify).WithTags("Signing").RequireAuthorization().Accepts<byte[]>("application/pdf");
        app.MapGet("/api/results/{**number}", Result).WithTags("Signing").RequireAuthorization();
        app.MapGet("/api/result-templates", ResultTemplatesApi.List).WithTags("Signing");
        return app;
    }

    /// <summary>
    /// Signs the dossier's result with a server-held key and completes the signature or issue step with
    /// <paramref name="request"/>'s outcome. Refusals (wrong person, wrong unit, changed after approval, an invalid
    /// certificate) store nothing and leave the dossier as it was.
    /// </summary>
    public static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> Sign(string taskId, SignTaskRequest request, HttpContext http, [AsParameters] SigningServices services, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var (input, problem) = await ResultSigningInput.ForAsync(taskId, request.Outcome, actor, services, ct);
        if (input is null)
        {
            return problem!;
        }

        if (input.Number is null)
        {
            return await SignWithServerKeyAsync(taskId, input, request, actor, services, ct);
        }

        // A numbered issue: take this unit's turn, then read the number again, now that the seals before ours committed.
        using (await services.NumberGate.EnterAsync(input.Unit, ct))
        {
            (input, problem) = await ResultSigningInput.ForAsync(taskId, request.Outcome, actor, services, ct);
            return input is null ? problem! : await SignWithServerKeyAsync(taskId, input, request, actor, services, ct);
        }
    }

    private static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> SignWithServerKeyAsync(
        string taskId, ResultSigningInput input, SignTaskRequest request, Actor actor, SigningServices services, CancellationToken ct)
    {
        var keyId = input.Kind == SignatureEvidenceKind.Personal ? KeyIds.For(actor.User) : KeyIds.For(input.Unit);
        if (await services.Keys.FindAsync(keyId, ct) is not { } signer)
        {
            return Problems.Unprocessable("no-signing-key", input.Kind == SignatureEvidenceKind.Personal
                ? $"The server holds no signing key for '{actor.User}'. Sign with your USB token or remote-signing service instead (POST /api/tasks/{taskId}/sign/prepare)."
                : $"The server holds no e-seal key for unit '{input.Unit}'. Ask the administrator to import the unit's organization certificate.");
        }

        var signed = await services.Signing.SignAsync(input.Pdf, signer, input.Request, ct);
        return signed.Succeeded
            ? await FinishAsync(input, request.Comment, signed.Value, signer.Certificate, actor, services, ct)
            : Problems.From(signed.Rejection);
    }

    /// <summary>
    /// Two-phase signing, phase one (USB token, remote-signing service): the caller sends its certificate; the server
    /// prepares the result and answers what to sign (the DER signed attributes, or their SHA-256 for a hash signer).
    /// </summary>
    public static async Task<Results<Ok<SigningSessionDto>, ProblemHttpResult>> Prepare(string taskId, PrepareSigningRequest request, HttpContext http, [AsParameters] SigningServices services, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        X509Certificate2 certificate;
        List<X509Certificate2> chain;
        try
        {
            certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(request.Certificate ?? ""));
            chain = [.. (request.Chain ?? []).Select(c => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(c)))];
        }
        catch (Exception exception) when (exception is FormatException or CryptographicException)
        {
            return Problems.Unprocessable("invalid-certificate", "\"certificate\" (and each of \"chain\") must be a base64 DER X.509 certificate: " + exception.Message);
        }

        var (input, problem) = await ResultSigningInput.ForAsync(taskId, request.Outcome, actor, services, ct);
        if (input is null)
        {
            return problem!;
        }

        var prepared = await services.Signing.PrepareAsync(input.Pdf, certificate, chain, input.Request, ct);
        if (!prepared.Succeeded)
        {
            return Problems.From(prepared.Rejection);
        }

        var session = prepared.Value;
        await services.Sessions.HoldAsync(session.Id, new PendingResultSignature(input, actor.User, request.Comment, certificate), ct);
        return TypedResults.Ok(new SigningSessionDto(
            session.Id,
            Convert.ToBase64String(session.SignedAttributes),
            Convert.ToBase64String(session.DigestToSign),
            Convert.ToBase64String(session.DocumentDigest),
            SigningSession.DigestAlgorithm,
            session.ExpiresAt));
    }

    /// <summary>Two-phase signing, phase two: the raw signature (or a full CMS) is embedded, verified, and the step completed.</summary>
    public static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> Complete(string taskId, CompleteSigningRequest request, HttpContext http, [AsParameters] SigningServices services, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(request.Signature ?? "");
        }
        catch (FormatException)
        {
            return Problems.Unprocessable(SigningRejectionCodes.SignatureMismatch, "\"signature\" must be base64 (a raw RSA/ECDSA signature or a CMS SignedData).");
        }

        if (await services.Sessions.PeekAsync(request.SessionId ?? "", ct) is not { } pending || pending.Input.TaskId != taskId || pending.Signer != actor.User)
        {
            return Problems.Unprocessable(SigningRejectionCodes.SessionNotFound, $"No signing session \"{request.SessionId}\" of yours is waiting for task {taskId}: it was completed already (a replay), expired, or never prepared. Prepare it again.");
        }

        var signed = await services.Signing.CompleteAsync(request.SessionId!, signature, ct);
        return signed.Succeeded
            ? await FinishAsync(pending.Input, pending.Comment, signed.Value, pending.Certificate, actor, services, ct)
            : Problems.From(signed.Rejection);
    }

    /// <summary>Verifies what was just signed, lets the core decide, and stores the revision only if it accepted.</summary>
    private static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> FinishAsync(
        ResultSigningInput input, string? comment, byte[] signedPdf, X509Certificate2 certificate, Actor actor, SigningServices services, CancellationToken ct)
    {
        var verifier = new PdfSignatureVerifier(await services.Keys.TrustAsync(ct), services.Time);
        var (evidence, problem) = SignatureEvidenceReader.Read(verifier.Verify(signedPdf), signedPdf, input.Pdf, certificate);
        if (evidence is null)
        {
            return Problems.Unprocessable(SigningRejectionCodes.CertificateWrongKind, problem!);
        }

        var command = new CompleteTask(input.StepInstance, input.Outcome, new Dictionary<string, System.Text.Json.JsonElement>(), actor) { Comment = comment, Signature = evidence with { ResultNumber = input.Number } };
        var now = services.Time.GetUtcNow();
        var revision = input.LatestRevision + 1;
        List<StoredResultDocument> revisions = [];
        if (input.Kind == SignatureEvidenceKind.Personal)
        {
            revisions.Add(new StoredResultDocument(input.Dossier, revision++, ResultDocumentKind.Draft, input.Unit, null, input.Pdf, evidence.AppliedOnDigest, actor.User, now));
        }

        revisions.Add(new StoredResultDocument(
            input.Dossier, revision, input.Kind == SignatureEvidenceKind.Personal ? ResultDocumentKind.Approved : ResultDocumentKind.Sealed,
            input.Unit, input.Number, signedPdf, evidence.SignedRevisionDigest, actor.User, now));

        // Written in the dossier's transaction only if the core accepts: a signed state always has its PDF.
        var outcome = await services.Runtime.ExecuteAsync(input.Dossier, command, [], revisions, ct);
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
    DatabaseSigningSessions Sessions,
    ResultNumberGate NumberGate,
    TimeProvider Time);

public sealed record SignTaskRequest(string Outcome, string? Comment);

/// <param name="Certificate">The signer's certificate, base64 DER.</param>
/// <param name="Chain">Intermediate certificates, base64 DER (optional).</param>
public sealed record PrepareSigningRequest(string Outcome, string? Certificate, List<string>? Chain, string? Comment);

/// <param name="Signature">Base64: a raw RSA/ECDSA signature over <c>signedAttributes</c> (or over <c>digestToSign</c>), or a CMS SignedData.</param>
public sealed record CompleteSigningRequest(string? SessionId, string? Signature);

public sealed record SigningSessionDto(string SessionId, string SignedAttributes, string DigestToSign, string DocumentDigest, string DigestAlgorithm, DateTimeOffset ExpiresAt);
