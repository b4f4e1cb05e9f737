using System.Collections.Immutable;
using System.Globalization;

namespace Workflows.Engine.Printing.Forms;

/// <summary>Form 02: what the applicant must add or correct, and why; the dossier clock pauses meanwhile.</summary>
public sealed record SupplementRequestForm(DossierHeading Dossier, DateTimeOffset RequestedAt, ImmutableArray<string> Requirements, string OfficialName)
{
    public const string Title = "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ";

    public string? Reason { get; init; }

    public DocumentContent ToContent() => Dossier.Content(Title, VietnameseText.LocalDate(RequestedAt), null) with
    {
        Blocks =
        [
            new ParagraphBlock($"{Dossier.IssuingUnit} đã tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính của:"),
            new FieldsBlock([.. Dossier.ApplicantFields()]),
            new ParagraphBlock("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:") { Bold = true },
            new TableBlock(
                ["STT", "Nội dung yêu cầu bổ sung, hoàn thiện"],
                [.. Requirements.Select((r, i) => ImmutableArray.Create((i + 1).ToString(CultureInfo.InvariantCulture), r))])
            {
                ColumnWeights = [0.6, 8],
            },
            .. Reason is null ? Array.Empty<DocumentBlock>() : [new ParagraphBlock($"Lý do: {Reason}")],
            new ParagraphBlock("Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ với người tiếp nhận để được hướng dẫn."),
        ],
        SignatureBlocks = [ReceiptForm.Official(OfficialName, "NGƯỜI HƯỚNG DẪN")],
    };
}
