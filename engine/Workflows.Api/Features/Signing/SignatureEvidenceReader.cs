using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Workflows.Engine.Execution.Signatures;
using Workflows.Engine.Printing;
using Workflows.Engine.Signing;
using Workflows.Engine.Signing.Verification;

namespace Workflows.Api.Features.Signing;

/// <summary>
/// Turns a cryptographic verification of a freshly signed PDF into the evidence the core judges: the last
/// signature's kind and holder (from its certificate), its verdict, and the digests of the revision it produced
/// and the revision it was appended to.
/// </summary>
internal static class SignatureEvidenceReader
{
    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <returns>The evidence, or why the signature cannot be evidence at all (no signature, a certificate of no known kind).</returns>
    public static (SignatureEvidence? Evidence, string? Problem) Read(PdfVerificationReport report, byte[] signedPdf, byte[] appliedOn, X509Certificate2 certificate)
    {
        if (report.Signatures.IsEmpty)
        {
            return (null, "The signed document holds no signature.");
        }

        var last = report.Signatures[^1];
        var (kind, holder) = last.Kind switch
        {
            SignatureKind.Personal when last.User is { } user => (SignatureEvidenceKind.Personal, user.Value),
            SignatureKind.Organization when last.Unit is { } unit => (SignatureEvidenceKind.Organization, unit.Value),
            _ => ((SignatureEvidenceKind?)null, (string?)null),
        };
        if (kind is null || holder is null)
        {
            return (null, $"The certificate '{certificate.Subject}' is neither a personal certificate bound to a user nor an organization certificate bound to a unit, so it cannot sign a result.");
        }

        var (verdict, reason) = Verdict(report, last);
        return (new SignatureEvidence(
            kind.Value,
            holder,
            certificate.Thumbprint,
            certificate.SerialNumber,
            last.SigningTime ?? DateTimeOffset.MinValue,
            verdict,
            Sha256(signedPdf),
            Sha256(appliedOn))
        {
            VerdictReason = reason,
        }, null);
    }

    private static (SignatureVerdict Verdict, string? Reason) Verdict(PdfVerificationReport report, SignatureReport last)
    {
        var reason = last.Problems.IsEmpty ? null : string.Join(" ", last.Problems);
        if (last.Integrity == SignatureIntegrity.Modified)
        {
            return (SignatureVerdict.Modified, reason);
        }

        if (last.Integrity != SignatureIntegrity.Intact)
        {
            return (SignatureVerdict.Invalid, reason);
        }

        if (last.Revocation == RevocationStatus.Revoked && !last.IsValid)
        {
            return (SignatureVerdict.Revoked, reason);
        }

        if (!last.ChainTrusted)
        {
            return (SignatureVerdict.Untrusted, reason);
        }

        if (!last.ValidAtSigningTime)
        {
            return (SignatureVerdict.Expired, reason);
        }

        if (!last.IsValid)
        {
            return (SignatureVerdict.Invalid, reason);
        }

        // The leader's signature must still stand under the seal.
        return report.AllSignaturesValid
            ? (SignatureVerdict.Valid, null)
            : (SignatureVerdict.Invalid, "An earlier signature of the document no longer verifies: " + string.Join(" ", report.Signatures.Where(s => !s.IsValid).SelectMany(s => s.Problems)));
    }
}
