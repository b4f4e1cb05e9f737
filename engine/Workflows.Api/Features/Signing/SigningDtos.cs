using Workflows.Engine.Definitions;
using Workflows.Engine.Signing.Verification;
using Workflows.Engine.Serialization;

namespace Workflows.Api.Features.Signing;

public sealed record VerificationDto(bool Intact, bool AllSignaturesValid, long UnsignedTrailingBytes, List<SignatureDto> Signatures)
{
    public static VerificationDto From(PdfVerificationReport report) => new(
        report.IsIntact,
        report.AllSignaturesValid,
        report.UnsignedTrailingBytes,
        [.. report.Signatures.Select(SignatureDto.From)]);
}

public sealed record SignatureDto(
    int Index,
    int Revision,
    string Kind,
    string? Signer,
    string? User,
    string? Unit,
    DateTimeOffset? SigningTime,
    string Integrity,
    bool ChainTrusted,
    bool ValidAtSigningTime,
    string Revocation,
    bool CoversWholeDocument,
    bool Valid,
    List<string> Problems,
    List<string> Warnings)
{
    public static SignatureDto From(SignatureReport s) => new(
        s.Index, s.Revision, KebabCase.Name(s.Kind), s.SignerName, s.User?.Value, s.Unit?.Value, s.SigningTime,
        KebabCase.Name(s.Integrity), s.ChainTrusted, s.ValidAtSigningTime, KebabCase.Name(s.Revocation),
        s.CoversWholeDocument, s.IsValid, [.. s.Problems], [.. s.Warnings]);
}

public sealed record ResultDto(string Number, string Dossier, string Unit, int Revision, string Sha256, string IssuedBy, DateTimeOffset IssuedAt, VerificationDto Verification);
