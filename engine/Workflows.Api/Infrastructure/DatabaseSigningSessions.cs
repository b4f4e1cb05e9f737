using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Workflows.Api.Features.Signing;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution.Signatures;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence;
using Workflows.Engine.Printing;
using Workflows.Engine.Signing;
using Workflows.Engine.Signing.Pades;
using Workflows.Engine.Signing.Pdf;

namespace Workflows.Api.Infrastructure;

/// <summary>
/// Two-phase signing sessions in the database (<c>signing_sessions</c>): prepared on one host, completed on any other,
/// surviving a restart; consumed at most once (a replay is refused) and forgotten once expired.
/// <see cref="PdfSigningService"/> hands over the prepared PDF (<see cref="SaveAsync"/>), the endpoint then adds the
/// dossier context (<see cref="HoldAsync"/>) and only that writes the row, so a prepare is one insert.
/// </summary>
public sealed class DatabaseSigningSessions(ISigningSessionRows rows, TimeProvider time) : ISigningSessionStore
{
    // Between PdfSigningService.PrepareAsync and HoldAsync (or its own completion, for a server-held key), within one request only.
    private readonly ConcurrentDictionary<string, PendingSignature> preparing = new(StringComparer.Ordinal);

    public Task SaveAsync(PendingSignature pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        preparing[pending.Session.Id] = pending;
        return Task.CompletedTask;
    }

    public async Task<PendingSignature?> TakeAsync(string sessionId, CancellationToken cancellationToken)
    {
        // A one-shot signature with a server-held key prepares and completes within one call: it never reaches the table.
        if (preparing.TryRemove(sessionId, out var local))
        {
            return local;
        }

        if (await rows.FindOpenAsync(sessionId, cancellationToken) is not { } row || !await rows.ConsumeAsync(sessionId, time.GetUtcNow(), cancellationToken))
        {
            return null;
        }

        var layout = row.PreparedLayout.Split(',').Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var context = JsonSerializer.Deserialize<SessionContext>(row.Context)!;
        return new PendingSignature(
            new SigningSession(row.Id, row.SignedAttributes, row.DigestToSign, row.DocumentDigest, row.ExpiresAt),
            new PreparedPdf(row.PreparedPdf, (int)layout[0], (int)layout[1], layout[2..]),
            X509CertificateLoader.LoadCertificate(row.Certificate),
            [.. row.Chain.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(c => X509CertificateLoader.LoadCertificate(Convert.FromBase64String(c)))],
            context.SignatureKind);
    }

    /// <summary>Stores the prepared session with what completing it needs: the task, the signer and the unsigned result.</summary>
    internal async Task HoldAsync(string sessionId, PendingResultSignature signature, CancellationToken cancellationToken)
    {
        if (!preparing.TryRemove(sessionId, out var pending))
        {
            throw new InvalidOperationException($"Signing session {sessionId} was not prepared by this host's signing service.");
        }

        var input = signature.Input;
        var context = new SessionContext(
            input.Dossier.Value, input.StepInstance, input.Kind, input.Unit.Value, input.Number, input.LatestRevision, input.Pdf, signature.Comment, pending.Kind, input.Request.FieldName);
        var prepared = pending.Document;
        await rows.AddAsync(new StoredSigningSession(
            sessionId,
            input.TaskId,
            signature.Signer.Value,
            input.Outcome,
            prepared.Bytes,
            string.Join(',', new long[] { prepared.ContentsOffset, prepared.ContentsLength }.Concat(prepared.ByteRange).Select(v => v.ToString(CultureInfo.InvariantCulture))),
            pending.Session.SignedAttributes,
            pending.Session.DigestToSign,
            pending.Session.DocumentDigest,
            pending.Certificate.RawData,
            string.Join(',', pending.Chain.Select(c => Convert.ToBase64String(c.RawData))),
            JsonSerializer.Serialize(context),
            time.GetUtcNow(),
            pending.Session.ExpiresAt), time.GetUtcNow(), cancellationToken);
    }

    /// <summary>The open session's dossier context, without consuming it (the signing service consumes it).</summary>
    internal async Task<PendingResultSignature?> PeekAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (await rows.FindOpenAsync(sessionId, cancellationToken) is not { } row)
        {
            return null;
        }

        var c = JsonSerializer.Deserialize<SessionContext>(row.Context)!;
        var input = new ResultSigningInput(
            row.TaskId, new DossierId(c.Dossier), c.StepInstance, row.Outcome, c.Kind, new UnitId(c.Unit), c.SourcePdf,
            new SignatureRequest(c.SignatureKind, c.FieldName), c.Number, c.LatestRevision);
        return new PendingResultSignature(input, new UserId(row.Signer), c.Comment, X509CertificateLoader.LoadCertificate(row.Certificate));
    }

    private sealed record SessionContext(
        Guid Dossier, int StepInstance, SignatureEvidenceKind Kind, string Unit, string? Number, int LatestRevision, byte[] SourcePdf, string? Comment, SignatureKind SignatureKind, string FieldName);
}
