namespace Workflows.Engine.Printing.Forms;

/// <summary>
/// The written reply stating the reasons (văn bản trả lời nêu rõ lý do): a dossier that was received and then not
/// settled (refused at appraisal or approval) is answered by the competent authority in writing, not with form 03,
/// which is only the desk's refusal to receive.
/// </summary>
/// <param name="ResultName">What the applicant asked for, e.g. "Giấy chứng nhận kết hôn" (the procedure's result template).</param>
/// <param name="LegalBasis">The procedure the reply is given under (its name and legal basis as the definition states them).</param>
public sealed record WrittenReplyForm(DossierHeading Dossier, DateTimeOffset RepliedAt, string ResultName, string LegalBasis, string Reasons, string OfficialName)
{
    public const string Title = "Văn bản trả lời (nêu rõ lý do không giải quyết hồ sơ)";

    public DocumentContent ToContent() => Dossier.Content(Title, VietnameseText.LocalDate(RepliedAt), null) with
    {
        Blocks =
        [
            new ParagraphBlock($"{Dossier.IssuingUnit} đã tiếp nhận và xem xét hồ sơ đề nghị cấp {ResultName} của:"),
            new FieldsBlock([.. Dossier.ApplicantFields(), new DocumentField("Căn cứ", LegalBasis)]),
            new ParagraphBlock($"{Dossier.IssuingUnit} không giải quyết cấp {ResultName} vì các lý do sau:") { Bold = true },
            new ParagraphBlock(Reasons),
            new ParagraphBlock("Ông/bà có quyền khiếu nại, khởi kiện theo quy định của pháp luật nếu không đồng ý với nội dung trả lời này."),
        ],
        SignatureBlocks = [ReceiptForm.Official(OfficialName, "NGƯỜI CÓ THẨM QUYỀN")],
    };
}
