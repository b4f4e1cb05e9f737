namespace Workflows.Engine.Printing.Forms;

/// <summary>
/// The notice to the applicant that the authority stopped settling the dossier (e.g. the supplement window passed with
/// nothing supplemented), with the reason, so the applicant knows the dossier ended and why.
/// </summary>
public sealed record StopNoticeForm(DossierHeading Dossier, DateTimeOffset StoppedAt, string Reason, string OfficialName)
{
    public const string Title = "Thông báo dừng giải quyết hồ sơ";

    public DocumentContent ToContent() => Dossier.Content(Title, VietnameseText.LocalDate(StoppedAt), null) with
    {
        Blocks =
        [
            new ParagraphBlock($"{Dossier.IssuingUnit} thông báo dừng giải quyết hồ sơ đề nghị giải quyết thủ tục hành chính của:"),
            new FieldsBlock([.. Dossier.ApplicantFields()]),
            new ParagraphBlock("Lý do dừng giải quyết:") { Bold = true },
            new ParagraphBlock(Reason),
            new ParagraphBlock("Hồ sơ và các giấy tờ đã nộp được trả lại theo quy định. Xin thông báo để ông/bà được biết."),
        ],
        SignatureBlocks = [ReceiptForm.Official(OfficialName, "THỦ TRƯỞNG CƠ QUAN")],
    };
}
