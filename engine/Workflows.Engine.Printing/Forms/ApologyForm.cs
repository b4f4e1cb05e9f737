namespace Workflows.Engine.Printing.Forms;

/// <summary>
/// Form 04: the responsible unit apologises for a late result and gives the one new appointment allowed,
/// sent at least one working day before the original deadline.
/// </summary>
public sealed record ApologyForm(DossierHeading Dossier, DateTimeOffset SentAt, DateTimeOffset OriginalAppointment, DateTimeOffset NewAppointment, string Reason)
{
    public const string Title = "Phiếu xin lỗi và hẹn lại ngày trả kết quả";

    public string LeaderTitle { get; init; } = "THỦ TRƯỞNG CƠ QUAN";

    public string? LeaderName { get; init; }

    public DocumentContent ToContent() => Dossier.Content(Title, VietnameseText.LocalDate(SentAt), null) with
    {
        Blocks =
        [
            new ParagraphBlock($"{Dossier.IssuingUnit} xin lỗi ông/bà vì hồ sơ dưới đây chưa được giải quyết đúng hẹn:"),
            new FieldsBlock(
            [
                .. Dossier.ApplicantFields(),
                new DocumentField("Thời gian hẹn trả kết quả", VietnameseText.Instant(OriginalAppointment)),
                new DocumentField("Lý do chậm", Reason),
                new DocumentField("Thời gian hẹn trả lại kết quả", VietnameseText.Instant(NewAppointment)),
            ]),
            new ParagraphBlock("Cơ quan, đơn vị xin lỗi ông/bà vì sự chậm trễ này và mong nhận được sự thông cảm."),
        ],
        SignatureBlocks = [new SignatureBlock(SignatureFields.Leader, SignatureKind.Personal, LeaderTitle) { SignerName = LeaderName }],
    };
}
