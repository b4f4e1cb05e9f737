using System.Collections.Immutable;

namespace Workflows.Engine.Printing.Forms;

/// <summary>
/// A procedure's result (e.g. "Giấy khai sinh"): the dossier data as label/value rows, signed by the leader
/// (personal) and sealed by the unit (organization).
/// </summary>
/// <param name="IssuedOn">The issue date; null on the draft the leader signs: the clerk's e-seal prints it (ADR 0022).</param>
public sealed record ResultDocument(DossierHeading Dossier, string Title, DateOnly? IssuedOn, ImmutableArray<DocumentField> Fields)
{
    /// <summary>From the unit's register; null on the draft the leader signs: the clerk's e-seal prints it at step 4 (ADR 0022).</summary>
    public string? DocumentNumber { get; init; }

    public string LeaderAuthority { get; init; } = "TM. ỦY BAN NHÂN DÂN";

    public string LeaderTitle { get; init; } = "CHỦ TỊCH";

    public string? LeaderName { get; init; }

    /// <summary>"Căn cứ …": the law the result is issued under, printed in italics above the fields.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>Fixed statements of the result's template, printed after the fields.</summary>
    public ImmutableArray<string> Statements { get; init; } = [];

    public DocumentContent ToContent() => Dossier.Content(Title, IssuedOn, DocumentNumber, sealIssues: true) with
    {
        Subtitle = $"Mã hồ sơ: {Dossier.ReceiptNumber}",
        Blocks =
        [
            .. LegalBasis is null ? Array.Empty<DocumentBlock>() : [new ParagraphBlock(LegalBasis) { Italic = true }],
            new FieldsBlock(Fields),
            .. Statements.Select(s => new ParagraphBlock(s)),
        ],
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
