namespace Workflows.Engine.Execution.Signatures;

/// <summary>Which signature of step 3 or step 4 a piece of evidence is about.</summary>
public enum SignatureEvidenceKind
{
    /// <summary>The approving leader's personal signature (step 3).</summary>
    Personal,

    /// <summary>The issuing unit's organization signature, the e-seal (step 4).</summary>
    Organization,
}

/// <summary>What cryptographic verification concluded about one signature.</summary>
public enum SignatureVerdict
{
    Valid,

    /// <summary>The signature does not match the signed bytes, or the CMS is malformed.</summary>
    Invalid,

    /// <summary>The document changed after it was signed.</summary>
    Modified,

    /// <summary>The certificate does not chain to a trusted root.</summary>
    Untrusted,

    /// <summary>The certificate was not valid at the signing time.</summary>
    Expired,

    /// <summary>The certificate was revoked.</summary>
    Revoked,
}

/// <summary>
/// What an adapter proves about a signature it has verified cryptographically before asking the core to
/// accept an approval or an issue. The core never sees bytes or certificates: it trusts this record only as
/// far as the adapter verified the PDF, and checks that the signature belongs to this step, this person or
/// unit, and this revision of the result.
/// </summary>
/// <param name="Kind">Personal or organization, read from the certificate policy.</param>
/// <param name="Holder">The user id (personal) or unit id (organization) the certificate is bound to.</param>
/// <param name="CertificateThumbprint">SHA-1 thumbprint of the signer's certificate, hex.</param>
/// <param name="CertificateSerial">Serial number of the signer's certificate, hex.</param>
/// <param name="SigningTime">The signing time in the signed attributes.</param>
/// <param name="Verdict">Chain, validity at signing time, revocation and integrity, summed up.</param>
/// <param name="SignedRevisionDigest">SHA-256 (hex) of the whole document revision this signature produced.</param>
/// <param name="AppliedOnDigest">SHA-256 (hex) of the revision the signature was appended to.</param>
public sealed record SignatureEvidence(
    SignatureEvidenceKind Kind,
    string Holder,
    string CertificateThumbprint,
    string CertificateSerial,
    DateTimeOffset SigningTime,
    SignatureVerdict Verdict,
    string SignedRevisionDigest,
    string AppliedOnDigest)
{
    /// <summary>Why the verdict is not <see cref="SignatureVerdict.Valid"/>, in words a person can act on.</summary>
    public string? VerdictReason { get; init; }

    /// <summary>The result number printed on the sealed document, when the adapter knows it.</summary>
    public string? ResultNumber { get; init; }
}
