using System.Collections.Immutable;
using Workflows.Engine.Printing;
using Workflows.Engine.Signing.Pades;

namespace Workflows.Engine.Signing.Pdf;

/// <summary>What the new signature field looks like; <see cref="Rectangle"/> null means an invisible signature.</summary>
internal sealed record SignatureFieldRequest(string FieldName, int PageIndex, PdfRectangle? Rectangle, DateTimeOffset SigningTime, int ContentsCapacity)
{
    public string? SignerName { get; init; }

    public string? Reason { get; init; }

    public string? Location { get; init; }

    public ImmutableArray<Inscription> Inscriptions { get; init; } = [];
}

/// <summary>
/// A PDF with one more revision holding an empty signature: <see cref="ByteRange"/> is final, the /Contents
/// placeholder at <see cref="ContentsOffset"/> (the '&lt;') waits for the CMS.
/// </summary>
public sealed record PreparedPdf(byte[] Bytes, int ContentsOffset, int ContentsLength, long[] ByteRange)
{
    public int Capacity => (ContentsLength - 2) / 2;

    public byte[] SignedBytes()
    {
        var signed = new byte[ByteRange[1] + ByteRange[3]];
        Bytes.AsSpan(0, (int)ByteRange[1]).CopyTo(signed);
        Bytes.AsSpan((int)ByteRange[2], (int)ByteRange[3]).CopyTo(signed.AsSpan((int)ByteRange[1]));
        return signed;
    }

    public byte[] Digest() => System.Security.Cryptography.SHA256.HashData(SignedBytes());

    /// <summary>The final document: the CMS, hex-encoded and zero-padded, fills the placeholder.</summary>
    public byte[] WithSignature(byte[] cms)
    {
        if (cms.Length > Capacity)
        {
            throw new InvalidOperationException($"The signature ({cms.Length} bytes) does not fit the {Capacity} bytes reserved for it.");
        }

        var result = (byte[])Bytes.Clone();
        var hex = System.Text.Encoding.ASCII.GetBytes(Convert.ToHexString(cms));
        hex.CopyTo(result.AsSpan(ContentsOffset + 1));
        return result;
    }
}
