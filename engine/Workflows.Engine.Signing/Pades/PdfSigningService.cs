using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Workflows.Engine.Printing;
using Workflows.Engine.Printing.Pdf;
using Workflows.Engine.Signing.Certificates;
using Workflows.Engine.Signing.Cms;
using Workflows.Engine.Signing.Pdf;
using Workflows.Engine.Signing.Signers;
using static Workflows.Engine.Signing.Pades.SigningRejectionCodes;

namespace Workflows.Engine.Signing.Pades;

/// <summary>
/// Adds PAdES signatures (ETSI.CAdES.detached, SHA-256) to PDFs as incremental updates, so a leader's personal
/// signature stays valid when the unit's e-seal is added after it. Two-phase for remote signers
/// (<see cref="PrepareAsync"/> then <see cref="CompleteAsync"/>); <see cref="SignAsync"/> runs both phases with a
/// signer at hand, so server keys and tokens pass the same checks.
/// </summary>
public sealed class PdfSigningService(ISigningSessionStore sessions, TimeProvider time, PdfSigningOptions? options = null)
{
    private const int SignatureOverhead = 8192; // signed attributes, signature, ASN.1 framing, room for a client's extras

    private readonly PdfSigningOptions options = options ?? new PdfSigningOptions();

    public async Task<SigningResult<byte[]>> SignAsync(byte[] pdf, ISigner signer, SignatureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signer);
        var prepared = await PrepareAsync(pdf, signer.Certificate, signer.Chain, request, cancellationToken);
        if (!prepared.Succeeded)
        {
            return SigningResult<byte[]>.Rejected(prepared.Rejection.Code, prepared.Rejection.Message);
        }

        var signature = await signer.SignAsync(prepared.Value.SignedAttributes, cancellationToken);
        return await CompleteAsync(prepared.Value.Id, signature, cancellationToken);
    }

    /// <summary>
    /// Phase one: checks the certificate, appends the signature field with an empty /Contents and returns what the
    /// signer must sign (see <see cref="SigningSession"/>).
    /// </summary>
    public async Task<SigningResult<SigningSession>> PrepareAsync(byte[] pdf, X509Certificate2 certificate, IEnumerable<X509Certificate2> chain, SignatureRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(request);
        var now = time.GetUtcNow();
        if (pdf.Length > options.MaxDocumentBytes)
        {
            return Reject<SigningSession>(DocumentTooLarge, $"The document is {pdf.Length:N0} bytes; at most {options.MaxDocumentBytes:N0} can be signed.");
        }

        if (CheckCertificate(certificate, request, now) is { } problem)
        {
            return Reject<SigningSession>(problem.Code, problem.Message);
        }

        var chainList = chain.ToList();
        var capacity = certificate.RawData.Length + chainList.Sum(c => c.RawData.Length) + SignatureOverhead;
        PreparedPdf prepared;
        try
        {
            prepared = IncrementalSignatureWriter.Prepare(pdf, new SignatureFieldRequest(request.FieldName, request.PageIndex, request.Rectangle, now.ToOffset(TimeSpan.FromHours(7)), capacity)
            {
                SignerName = CertificateProfile.CommonName(certificate),
                Reason = request.Reason,
                Location = request.Location,
                Inscriptions = request.Inscriptions,
            });
        }
        catch (InvalidPdfException exception)
        {
            return Reject<SigningSession>(InvalidPdf, exception.Message);
        }

        var documentDigest = prepared.Digest();
        var signedAttributes = CmsSignatureBuilder.SignedAttributes(documentDigest, now, certificate);
        var session = new SigningSession(
            Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
            signedAttributes,
            CmsSignatureBuilder.DigestToSign(signedAttributes),
            documentDigest,
            now + options.SessionLifetime);
        await sessions.SaveAsync(new PendingSignature(session, prepared, certificate, [.. chainList], request.Kind), cancellationToken);
        return SigningResult<SigningSession>.Ok(session);
    }

    /// <summary>
    /// Phase two: takes the raw signature over the session's signed attributes (or a complete CMS SignedData whose
    /// message digest is the session's document digest), verifies it against the prepared document and the
    /// certificate, and returns the signed PDF. A session completes once; a replay or a late completion is refused.
    /// </summary>
    public async Task<SigningResult<byte[]>> CompleteAsync(string sessionId, byte[] signature, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var pending = await sessions.TakeAsync(sessionId, cancellationToken);
        if (pending is null)
        {
            return Reject<byte[]>(SessionNotFound, $"No signing session \"{sessionId}\" is waiting: it was completed already (a replay), or never prepared. Prepare the document again.");
        }

        if (time.GetUtcNow() > pending.Session.ExpiresAt)
        {
            return Reject<byte[]>(SessionExpired, $"The signing session expired at {pending.Session.ExpiresAt:u}. Prepare the document again and sign within {options.SessionLifetime.TotalMinutes:0} minutes.");
        }

        var signedBytes = pending.Document.SignedBytes();
        byte[] cms;
        if (IsCms(signature, out var cmsLength))
        {
            cms = signature[..cmsLength];
            if (CheckClientCms(cms, signedBytes, pending) is { } problem)
            {
                return Reject<byte[]>(problem.Code, problem.Message);
            }
        }
        else
        {
            if (!CmsSignatureBuilder.Verify(pending.Session.SignedAttributes, signature, pending.Certificate, out var normalized))
            {
                return Reject<byte[]>(SignatureMismatch, "The signature does not verify over this session's digest with the prepared certificate's key: it was made over another document, another session, or with another key.");
            }

            cms = CmsSignatureBuilder.SignedData(pending.Session.SignedAttributes, normalized, pending.Certificate, pending.Chain);
        }

        if (cms.Length > pending.Document.Capacity)
        {
            return Reject<byte[]>(SignatureTooLarge, $"The CMS signature is {cms.Length} bytes; the document reserved {pending.Document.Capacity}.");
        }

        // Verify what we embed, exactly as a verifier will read it.
        var check = new SignedCms(new ContentInfo(signedBytes), detached: true);
        check.Decode(cms);
        check.CheckSignature(verifySignatureOnly: true);
        return SigningResult<byte[]>.Ok(pending.Document.WithSignature(cms));
    }

    private (string Code, string Message)? CheckCertificate(X509Certificate2 certificate, SignatureRequest request, DateTimeOffset now)
    {
        var subject = certificate.Subject;
        if (!CertificateProfile.AllowsSigning(certificate))
        {
            return (CertificateCannotSign, $"The certificate of {subject} does not allow signing: its key usage has neither digitalSignature nor nonRepudiation.");
        }

        if (now < certificate.NotBefore.ToUniversalTime() || now > certificate.NotAfter.ToUniversalTime())
        {
            return (CertificateNotValidNow, $"The certificate of {subject} is valid from {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}, not now.");
        }

        var kind = options.Policies.KindOf(certificate);
        if (kind != request.Kind)
        {
            return (CertificateWrongKind, $"A {Describe(request.Kind)} signature needs a {Describe(request.Kind)} certificate; the certificate of {subject} is {Describe(kind)}.");
        }

        if (request.ExpectedUser is { } user && CertificateProfile.UserOf(certificate) != user)
        {
            return (CertificateWrongHolder, $"The certificate of {subject} is not bound to user \"{user}\".");
        }

        if (request.ExpectedUnit is { } unit && CertificateProfile.UnitOf(certificate) != unit)
        {
            return (CertificateWrongHolder, $"The certificate of {subject} is not bound to unit \"{unit}\".");
        }

        return null;
    }

    private static (string Code, string Message)? CheckClientCms(byte[] cms, byte[] signedBytes, PendingSignature pending)
    {
        var signed = new SignedCms(new ContentInfo(signedBytes), detached: true);
        try
        {
            signed.Decode(cms);
        }
        catch (CryptographicException exception)
        {
            return (SignatureMismatch, $"The CMS signature cannot be read: {exception.Message}");
        }

        if (signed.SignerInfos.Count != 1)
        {
            return (SignatureMismatch, $"The CMS carries {signed.SignerInfos.Count} signer infos; exactly one is expected.");
        }

        var signer = signed.SignerInfos[0];
        if (signer.Certificate is null || !string.Equals(signer.Certificate.Thumbprint, pending.Certificate.Thumbprint, StringComparison.Ordinal))
        {
            return (CertificateMismatch, "The CMS was made with a certificate other than the one this session was prepared for.");
        }

        var digest = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == Oids.MessageDigest)
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .Select(v => AsnDecoder.ReadOctetString(v.RawData, AsnEncodingRules.BER, out _))
            .FirstOrDefault();
        if (digest is null || !digest.AsSpan().SequenceEqual(pending.Session.DocumentDigest))
        {
            return (DigestMismatch, "The CMS signs a different document digest than this session's: it belongs to another document or another preparation.");
        }

        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException exception)
        {
            return (SignatureMismatch, $"The CMS signature does not verify: {exception.Message}");
        }

        return null;
    }

    private static bool IsCms(byte[] bytes, out int length)
    {
        length = 0;
        try
        {
            var reader = new AsnReader(bytes, AsnEncodingRules.BER);
            var encoded = reader.PeekEncodedValue();
            length = encoded.Length;
            var content = reader.ReadSequence();
            return content.PeekTag() == new Asn1Tag(UniversalTagNumber.ObjectIdentifier)
                && content.ReadObjectIdentifier() == Oids.SignedData;
        }
        catch (AsnContentException)
        {
            return false;
        }
    }

    private static string Describe(SignatureKind kind) => kind switch
    {
        SignatureKind.Personal => "personal",
        SignatureKind.Organization => "organization",
        _ => "of no known kind",
    };

    private static SigningResult<T> Reject<T>(string code, string message) => SigningResult<T>.Rejected(code, message);
}
