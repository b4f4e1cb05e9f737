using System.Collections.Immutable;
using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Workflows.Engine.Printing;
using Workflows.Engine.Printing.Pdf;
using Workflows.Engine.Signing.Certificates;
using Workflows.Engine.Signing.Cms;
using Workflows.Engine.Signing.Pdf;

namespace Workflows.Engine.Signing.Verification;

/// <summary>
/// Verifies every PAdES signature in a PDF offline: integrity of the signed byte ranges, the CMS signature, the
/// chain to a configured root at the signing time, validity and revocation (against imported CRLs), and the
/// signer's kind and identity. Signatures are found by their /ByteRange, not through the document structure, so a
/// damaged cross-reference table cannot hide one.
/// </summary>
public sealed class PdfSignatureVerifier(TrustAnchors trust, TimeProvider time)
{
    private static readonly X509RevocationReason[] HarmlessLaterReasons =
        [X509RevocationReason.Superseded, X509RevocationReason.CessationOfOperation, X509RevocationReason.AffiliationChanged];

    public PdfVerificationReport Verify(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        var signatures = ImmutableArray.CreateBuilder<SignatureReport>();
        var marker = "/ByteRange"u8;
        var at = 0;
        while ((at = IndexOf(pdf, marker, at)) >= 0)
        {
            at += marker.Length;
            var range = ReadByteRange(pdf, at);
            if (range is not null)
            {
                signatures.Add(VerifyOne(pdf, signatures.Count + 1, range));
            }
        }

        return new PdfVerificationReport(signatures.ToImmutable(), pdf.Length);
    }

    private SignatureReport VerifyOne(byte[] pdf, int index, long[] range)
    {
        var report = new SignatureReport(index, range);
        var problems = ImmutableArray.CreateBuilder<string>();
        var warnings = ImmutableArray.CreateBuilder<string>();
        var covered = range[2] + range[3];
        if (range[0] != 0 || range[1] <= 0 || range[2] <= range[1] || covered > pdf.Length
            || pdf[range[1]] != '<' || pdf[range[2] - 1] != '>')
        {
            return report with { Integrity = SignatureIntegrity.Malformed, Problems = ["The /ByteRange does not frame a /Contents string inside the file."] };
        }

        report = report with
        {
            CoveredLength = covered,
            CoversWholeDocument = covered == pdf.Length,
            Revision = CountEofMarkers(pdf, covered),
        };

        byte[] cms;
        try
        {
            var hex = System.Text.Encoding.ASCII.GetString(pdf, (int)range[1] + 1, (int)(range[2] - range[1] - 2));
            var raw = Convert.FromHexString(hex);
            AsnDecoder.ReadEncodedValue(raw, AsnEncodingRules.BER, out _, out _, out var length);
            cms = raw[..length];
        }
        catch (Exception exception) when (exception is FormatException or AsnContentException)
        {
            return report with { Integrity = SignatureIntegrity.Malformed, Problems = ["The /Contents is not a hex-encoded CMS signature."] };
        }

        var signedBytes = new byte[range[1] + range[3]];
        pdf.AsSpan(0, (int)range[1]).CopyTo(signedBytes);
        pdf.AsSpan((int)range[2], (int)range[3]).CopyTo(signedBytes.AsSpan((int)range[1]));
        var signed = new SignedCms(new ContentInfo(signedBytes), detached: true);
        try
        {
            signed.Decode(cms);
        }
        catch (CryptographicException)
        {
            return report with { Integrity = SignatureIntegrity.Malformed, Problems = ["The /Contents is not a readable CMS SignedData."] };
        }

        // Every read of SignerInfos, Certificate and Certificates makes new X509 objects; each is read once and disposed
        // here, so verifying does not leave native handles to the finalizer (it was a sixth of a busy host's CPU).
        var signers = signed.SignerInfos;
        var embedded = signed.Certificates;
        var certificate = signers.Count == 1 ? signers[0].Certificate : null;
        try
        {
            return certificate is null
                ? report with { Integrity = SignatureIntegrity.Malformed, Problems = ["The CMS must carry exactly one signer and its certificate."] }
                : VerifySigner(report, signers[0], certificate, embedded, signedBytes, problems, warnings);
        }
        finally
        {
            certificate?.Dispose();
            foreach (var extra in embedded)
            {
                extra.Dispose();
            }
        }
    }

    private SignatureReport VerifySigner(
        SignatureReport report, SignerInfo signer, X509Certificate2 certificate, X509Certificate2Collection embedded, byte[] signedBytes,
        ImmutableArray<string>.Builder problems, ImmutableArray<string>.Builder warnings)
    {
        var signingTime = SigningTime(signer);
        report = report with
        {
            SignerSubject = certificate.Subject,
            SignerName = CertificateProfile.CommonName(certificate),
            Kind = trust.Policies.KindOf(certificate),
            User = CertificateProfile.UserOf(certificate),
            Unit = CertificateProfile.UnitOf(certificate),
            SigningTime = signingTime,
        };

        var integrity = CheckIntegrity(signer, signedBytes, certificate, problems, warnings);
        var at = signingTime ?? time.GetUtcNow();
        if (signingTime is null)
        {
            warnings.Add("The signature has no signing-time attribute: the certificate is checked at the current time.");
        }

        var validAtSigningTime = at >= certificate.NotBefore.ToUniversalTime() && at <= certificate.NotAfter.ToUniversalTime();
        if (!validAtSigningTime)
        {
            problems.Add($"The certificate was not valid at {at:u} (valid {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}).");
        }

        if (!CertificateProfile.AllowsSigning(certificate))
        {
            problems.Add("The certificate's key usage allows neither digitalSignature nor nonRepudiation.");
        }

        var (trusted, chain) = BuildChain(certificate, embedded, at, problems);
        var revocation = CheckRevocation(chain, at, problems, warnings);
        if (report.Kind == SignatureKind.Unknown)
        {
            warnings.Add("The certificate names no known personal or organization policy: it cannot count as either signature.");
        }

        foreach (var element in chain)
        {
            element.Dispose();
        }

        return report with
        {
            Integrity = integrity,
            ChainTrusted = trusted,
            ValidAtSigningTime = validAtSigningTime,
            Revocation = revocation,
            Problems = problems.ToImmutable(),
            Warnings = warnings.ToImmutable(),
        };
    }

    private static SignatureIntegrity CheckIntegrity(SignerInfo signer, byte[] signedBytes, X509Certificate2 certificate, ImmutableArray<string>.Builder problems, ImmutableArray<string>.Builder warnings)
    {
        var digest = Attribute(signer, Oids.MessageDigest).Select(v => AsnDecoder.ReadOctetString(v, AsnEncodingRules.BER, out _)).FirstOrDefault();
        if (digest is null || !digest.AsSpan().SequenceEqual(SHA256.HashData(signedBytes)))
        {
            problems.Add("The document was modified inside the signed range: its SHA-256 no longer matches the signed message digest.");
            return SignatureIntegrity.Modified;
        }

        try
        {
            signer.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException exception)
        {
            problems.Add($"The CMS signature does not verify: {exception.Message}");
            return SignatureIntegrity.SignatureInvalid;
        }

        // ESS signing-certificate-v2 binds the signature to this certificate, so another with the same key cannot stand in.
        var essCertificate = Attribute(signer, Oids.SigningCertificateV2).FirstOrDefault();
        if (essCertificate is null)
        {
            warnings.Add("No ESS signing-certificate-v2 attribute (required by PAdES baseline).");
        }
        else
        {
            var certs = new AsnReader(essCertificate, AsnEncodingRules.BER).ReadSequence().ReadSequence();
            var first = certs.ReadSequence();
            var algorithm = first.PeekTag() == Asn1Tag.Sequence ? first.ReadSequence().ReadObjectIdentifier() : Oids.Sha256;
            var hash = first.ReadOctetString();
            if (algorithm != Oids.Sha256 || !hash.AsSpan().SequenceEqual(SHA256.HashData(certificate.RawData)))
            {
                problems.Add("The signing-certificate attribute names a different certificate than the one in the signature.");
                return SignatureIntegrity.SignatureInvalid;
            }
        }

        return SignatureIntegrity.Intact;
    }

    private (bool Trusted, List<X509Certificate2> Chain) BuildChain(X509Certificate2 certificate, X509Certificate2Collection embedded, DateTimeOffset at, ImmutableArray<string>.Builder problems)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trust.Roots.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(embedded);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck; // offline: imported CRLs are checked below
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = at.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        var trusted = trust.Roots.Count > 0 && chain.Build(certificate);
        if (!trusted)
        {
            var reasons = chain.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct().ToList();
            problems.Add(trust.Roots.Count == 0
                ? "No trusted root certificate is configured."
                : $"The certificate does not chain to a trusted root at {at:u}: {(reasons.Count == 0 ? "unknown issuer" : string.Join("; ", reasons))}.");
        }

        var elements = new List<X509Certificate2>();
        foreach (var element in chain.ChainElements)
        {
            using var built = element.Certificate; // the chain's own copy: released here, the caller owns the new one
            elements.Add(X509CertificateLoader.LoadCertificate(built.RawData));
        }

        return (trusted, elements);
    }

    private RevocationStatus CheckRevocation(List<X509Certificate2> chain, DateTimeOffset signingTime, ImmutableArray<string>.Builder problems, ImmutableArray<string>.Builder warnings)
    {
        var status = RevocationStatus.NotChecked;
        for (var i = 0; i + 1 < chain.Count; i++)
        {
            var crl = trust.RevocationLists.FirstOrDefault(l => l.IsIssuedBy(chain[i + 1]));
            if (crl is null)
            {
                continue;
            }

            if (i == 0)
            {
                status = RevocationStatus.Good;
            }

            if (crl.Find(chain[i]) is not { } revoked)
            {
                continue;
            }

            var who = i == 0 ? "The signer's certificate" : $"The CA certificate {chain[i].Subject}";
            // Without a trusted timestamp the signing time is only claimed; only a benign revocation after it is tolerated.
            if (revoked.RevokedAt > signingTime && revoked.Reason is { } reason && HarmlessLaterReasons.Contains(reason))
            {
                warnings.Add($"{who} was revoked after signing ({revoked.RevokedAt:u}, {reason}).");
                continue;
            }

            problems.Add($"{who} is revoked since {revoked.RevokedAt:u} ({revoked.Reason?.ToString() ?? "no reason given"}).");
            status = RevocationStatus.Revoked;
        }

        if (status == RevocationStatus.NotChecked)
        {
            warnings.Add("Revocation not checked: no imported CRL covers the signer's certificate.");
        }

        return status;
    }

    private static DateTimeOffset? SigningTime(SignerInfo signer)
    {
        var value = Attribute(signer, Oids.SigningTime).FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        var reader = new AsnReader(value, AsnEncodingRules.BER);
        return reader.PeekTag().TagValue == (int)UniversalTagNumber.UtcTime ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
    }

    private static IEnumerable<byte[]> Attribute(SignerInfo signer, string oid) =>
        signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Where(a => a.Oid.Value == oid)
            .SelectMany(a => a.Values.Cast<AsnEncodedData>())
            .Select(v => v.RawData);

    private static long[]? ReadByteRange(byte[] pdf, int at)
    {
        try
        {
            if (new PdfLexer(pdf, at).ReadValue() is PdfArray { Items.Count: 4 } array && array.Items.All(i => i is PdfNumber))
            {
                return [.. array.Items.Cast<PdfNumber>().Select(n => n.AsLong)];
            }
        }
        catch (Exception exception) when (exception is InvalidPdfException or FormatException or OverflowException)
        {
            // Not a byte range after all (e.g. the words inside a content stream); skip it.
        }

        return null;
    }

    private static int CountEofMarkers(byte[] pdf, long end)
    {
        var count = 0;
        var at = 0;
        while ((at = IndexOf(pdf, "%%EOF"u8, at)) >= 0 && at < end)
        {
            count++;
            at += 5;
        }

        return count;
    }

    private static int IndexOf(byte[] data, ReadOnlySpan<byte> value, int from)
    {
        var found = data.AsSpan(from).IndexOf(value);
        return found < 0 ? -1 : from + found;
    }
}
