namespace Workflows.Engine.Execution.Signatures;

/// <summary>A signature the core accepted on the dossier's result, as recorded in state and history.</summary>
public sealed record SignedResult(
    int StepInstance,
    SignatureEvidenceKind Kind,
    string Holder,
    string CertificateThumbprint,
    string CertificateSerial,
    DateTimeOffset SigningTime,
    string SignedRevisionDigest,
    string AppliedOnDigest)
{
    public static SignedResult From(int stepInstance, SignatureEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return new(
            stepInstance,
            evidence.Kind,
            evidence.Holder,
            evidence.CertificateThumbprint,
            evidence.CertificateSerial,
            evidence.SigningTime,
            evidence.SignedRevisionDigest,
            evidence.AppliedOnDigest);
    }
}

/// <summary>The signatures the dossier's result carries so far; result-ready needs both.</summary>
public sealed record ResultSignatures(SignedResult? Personal, SignedResult? Organization)
{
    public static readonly ResultSignatures None = new(null, null);
}
