using System.Collections.Immutable;
using Workflows.Engine.Identity;
using Workflows.Engine.Printing;

namespace Workflows.Engine.Signing.Verification;

/// <summary>Whether the bytes a signature covers are the bytes that were signed.</summary>
public enum SignatureIntegrity
{
    /// <summary>The /ByteRange digest matches the CMS and the CMS signature verifies.</summary>
    Intact,

    /// <summary>A byte inside the signed range was changed after signing.</summary>
    Modified,

    /// <summary>The CMS signature itself does not verify (forged or damaged signature value).</summary>
    SignatureInvalid,

    /// <summary>The /ByteRange or /Contents cannot be read as a PAdES signature.</summary>
    Malformed,
}

public enum RevocationStatus
{
    /// <summary>No imported CRL covers the signer's certificate.</summary>
    NotChecked,

    Good,

    Revoked,
}

/// <summary>One signature of a PDF, as the verifier found it. <see cref="IsValid"/> when <see cref="Problems"/> is empty.</summary>
public sealed record SignatureReport(int Index, long[] ByteRange)
{
    public string? SignerSubject { get; init; }

    public string? SignerName { get; init; }

    public SignatureKind Kind { get; init; }

    public UserId? User { get; init; }

    public UnitId? Unit { get; init; }

    public DateTimeOffset? SigningTime { get; init; }

    public SignatureIntegrity Integrity { get; init; }

    public bool ChainTrusted { get; init; }

    public bool ValidAtSigningTime { get; init; }

    public RevocationStatus Revocation { get; init; }

    /// <summary>The revision this signature covers ends here (bytes 0…CoveredLength-1, less its own /Contents).</summary>
    public long CoveredLength { get; init; }

    /// <summary>1-based: the first revision is what the generator wrote, each signature adds one.</summary>
    public int Revision { get; init; }

    public bool CoversWholeDocument { get; init; }

    public ImmutableArray<string> Problems { get; init; } = [];

    public ImmutableArray<string> Warnings { get; init; } = [];

    public bool IsValid => Problems.IsEmpty;
}

/// <summary>Every signature of a document and whether anything was appended after the last one.</summary>
public sealed record PdfVerificationReport(ImmutableArray<SignatureReport> Signatures, long DocumentLength)
{
    public bool AllSignaturesValid => !Signatures.IsEmpty && Signatures.All(s => s.IsValid);

    /// <summary>Bytes after the end of the last intact signature's revision: an unsigned incremental update.</summary>
    public long UnsignedTrailingBytes =>
        DocumentLength - Signatures.Where(s => s.Integrity == SignatureIntegrity.Intact).Select(s => s.CoveredLength).DefaultIfEmpty(0).Max();

    /// <summary>Every signature valid and nothing added after the last one.</summary>
    public bool IsIntact => AllSignaturesValid && UnsignedTrailingBytes == 0;
}
