using Workflows.Engine.Definitions;
using Workflows.Engine.Signing.Verification;

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
        s.Index, s.Revision, DefinitionJson.KebabName(s.Kind), s.SignerName, s.User?.Value, s.Unit?.Value, s.SigningTime,
        DefinitionJson.KebabName(s.Integrity), s.ChainTrusted, s.ValidAtSigningTime, DefinitionJson.KebabName(s.Revocation),
        s.CoversWholeDocument, s.IsValid, [.. s.Problems], [.. s.Warnings]);
}

public sealed record ResultDto(string Number, string Dossier, string Unit, int Revision, string Sha256, string IssuedBy, DateTimeOffset IssuedAt, VerificationDto Verification);
