using System.Collections.Immutable;

namespace Workflows.Engine.Printing.Forms;

/// <summary>Form 01 (Circular 01/2018/TT-VPCP): receipt of the dossier and appointment for the result.</summary>
public sealed record ReceiptForm(DossierHeading Dossier, DateTimeOffset ReceivedAt, DateTimeOffset AppointmentAt, ImmutableArray<SubmittedComponent> Components, string OfficialName)
{
    public const string Title = "Giấy tiếp nhận hồ sơ và hẹn trả kết quả";

    public DocumentContent ToContent() => Dossier.Content(Title, VietnameseText.LocalDate(ReceivedAt), Dossier.ReceiptNumber) with
    {
        Blocks =
        [
            new ParagraphBlock($"{Dossier.IssuingUnit} đã tiếp nhận hồ sơ của:"),
            new FieldsBlock([.. Dossier.ApplicantFields()]),
            new ParagraphBlock("Thành phần hồ sơ gồm:") { Bold = true },
            new TableBlock(
                ["STT", "Tên giấy tờ", "Hình thức", "Số lượng"],
                [.. Components.Select((c, i) => ImmutableArray.Create((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), c.Name, c.Form, c.Copies.ToString(System.Globalization.CultureInfo.InvariantCulture)))])
            {
                ColumnWeights = [0.6, 5, 2, 1.2],
            },
            new FieldsBlock(
            [
                new DocumentField("Thời gian nhận hồ sơ", VietnameseText.Instant(ReceivedAt)),
                new DocumentField("Thời gian trả kết quả", VietnameseText.Instant(AppointmentAt)),
            ]),
        ],
        SignatureBlocks = [Official(OfficialName, "NGƯỜI TIẾP NHẬN HỒ SƠ")],
    };

    internal static SignatureBlock Official(string name, string caption) =>
        new(SignatureFields.Official, SignatureKind.Personal, caption) { SignerName = name };
}

/// <summary>One dossier component as the desk received it: "Tờ khai đăng ký khai sinh", "bản chính", 1.</summary>
public sealed record SubmittedComponent(string Name, string Form, int Copies);
