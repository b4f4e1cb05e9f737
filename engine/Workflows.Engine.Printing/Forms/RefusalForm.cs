namespace Workflows.Engine.Printing.Forms;

/// <summary>Form 03: the desk (or the competent unit) refuses to accept or settle the dossier, with the reason.</summary>
public sealed record RefusalForm(DossierHeading Dossier, DateTimeOffset RefusedAt, string Reason, string OfficialName)
{
    public const string Title = "Phiếu từ chối tiếp nhận giải quyết hồ sơ";

    public DocumentContent ToContent() => Dossier.Content(Title, VietnameseText.LocalDate(RefusedAt), null) with
    {
        Blocks =
        [
            new ParagraphBlock($"{Dossier.IssuingUnit} tiếp nhận hồ sơ đề nghị giải quyết thủ tục hành chính của:"),
            new FieldsBlock([.. Dossier.ApplicantFields()]),
            new ParagraphBlock("Qua xem xét, cơ quan, đơn vị từ chối tiếp nhận, giải quyết hồ sơ với lý do cụ thể như sau:") { Bold = true },
            new ParagraphBlock(Reason),
            new ParagraphBlock("Xin thông báo để ông/bà được biết và thực hiện."),
        ],
        SignatureBlocks = [ReceiptForm.Official(OfficialName, "NGƯỜI TIẾP NHẬN HỒ SƠ")],
    };
}
