using System.Collections.Immutable;

namespace Workflows.Engine.Signing.Documents.Forms;

/// <summary>
/// A procedure's result (e.g. "Giấy khai sinh"): the dossier data as label/value rows, signed by the leader
/// (personal) and sealed by the unit (organization).
/// </summary>
public sealed record ResultDocument(DossierHeading Dossier, string Title, DateOnly IssuedOn, ImmutableArray<DocumentField> Fields)
{
    /// <summary>From the unit's register; empty until the clerk numbers the result at step 4.</summary>
    public string? DocumentNumber { get; init; }

    public string LeaderAuthority { get; init; } = "TM. ỦY BAN NHÂN DÂN";

    public string LeaderTitle { get; init; } = "CHỦ TỊCH";

    public string? LeaderName { get; init; }

    public DocumentContent ToContent() => Dossier.Content(Title, IssuedOn, DocumentNumber) with
    {
        Subtitle = $"Mã hồ sơ: {Dossier.ReceiptNumber}",
        Blocks = [new FieldsBlock(Fields)],
        SignatureBlocks =
        [
            new SignatureBlock(SignatureFields.OrganizationSeal, SignatureKind.Organization, "CHỮ KÝ SỐ CƠ QUAN")
            {
                Authority = Dossier.IssuingUnit.ToUpperInvariant(),
            },
            new SignatureBlock(SignatureFields.Leader, SignatureKind.Personal, LeaderTitle)
            {
                Authority = LeaderAuthority,
                SignerName = LeaderName,
            },
        ],
    };
}
