using System.Collections.Immutable;
using Workflows.Engine.Printing;
using Workflows.Engine.Printing.Forms;

namespace Workflows.Engine.Signing.Tests.Documents;

public class DocumentRendererTests
{
    [Fact]
    public void A_result_document_renders_Vietnamese_text_that_pdftotext_reads_back()
    {
        var text = ExternalTool.PdfToText(Samples.RenderBirthCertificate().Pdf);

        text.ShouldContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Case.Sensitive);
        text.ShouldContain("Độc lập - Tự do - Hạnh phúc", Case.Sensitive);
        text.ShouldContain("GIẤY KHAI SINH", Case.Sensitive);
        text.ShouldContain("UBND XÃ TÂN AN", Case.Sensitive);
        text.ShouldContain("Số: 125/2025/GKS", Case.Sensitive);
        text.ShouldContain("Mã hồ sơ: 000.00.12.H56-250310-0001", Case.Sensitive);
        text.ShouldContain("Nguyễn Minh Khôi", Case.Sensitive);
        text.ShouldContain("Bệnh viện Đa khoa tỉnh Tây Ninh", Case.Sensitive);
        text.ShouldContain("Tân An, ngày 10 tháng 03 năm 2025", Case.Sensitive);
        text.ShouldContain("Trần Minh Tuấn", Case.Sensitive);
    }

    [Fact]
    public void The_national_name_reads_back_in_mixed_case_when_printed_so()
    {
        var content = new DocumentContent("UBND xã Tân An", "Thông báo") { Blocks = [new ParagraphBlock("Cộng hòa Xã hội Chủ nghĩa Việt Nam"), new ParagraphBlock("Ủy ban đã quyết định: ngưỡng, lưỡi, mỹ, sửa chữa, Ỷ lại, ẵm, ặc, Đường")] };

        var text = ExternalTool.PdfToText(DocumentRenderer.Render(content).Pdf);

        text.ShouldContain("Cộng hòa Xã hội Chủ nghĩa Việt Nam", Case.Sensitive);
        text.ShouldContain("Ủy ban đã quyết định: ngưỡng, lưỡi, mỹ, sửa chữa, Ỷ lại, ẵm, ặc, Đường", Case.Sensitive);
    }

    [Fact]
    public void A_result_reserves_one_area_for_the_seal_and_one_for_the_leader_on_the_page()
    {
        var rendered = Samples.RenderBirthCertificate();

        rendered.SignatureAreas.Select(a => (a.FieldName, a.Kind)).ShouldBe(
            [(SignatureFields.OrganizationSeal, SignatureKind.Organization), (SignatureFields.Leader, SignatureKind.Personal)]);
        foreach (var area in rendered.SignatureAreas)
        {
            area.PageIndex.ShouldBe(0);
            area.Rectangle.Left.ShouldBeGreaterThan(0);
            area.Rectangle.Right.ShouldBeLessThan(595.3);
            area.Rectangle.Bottom.ShouldBeGreaterThan(0);
            area.Rectangle.Top.ShouldBeGreaterThan(area.Rectangle.Bottom);
        }
    }

    [Fact]
    public void Form_01_prints_the_receipt_and_the_appointment()
    {
        var form = new ReceiptForm(Samples.Dossier, Samples.ReceivedAt, Samples.ReceivedAt.AddHours(7), Samples.Components, "Phạm Thu Hà");

        var text = ExternalTool.PdfToText(DocumentRenderer.Render(form.ToContent()).Pdf);

        text.ShouldContain("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", Case.Sensitive);
        text.ShouldContain("Tờ khai đăng ký khai sinh", Case.Sensitive);
        text.ShouldContain("10 giờ 00 phút, ngày 10/03/2025", Case.Sensitive);
        text.ShouldContain("17 giờ 00 phút, ngày 10/03/2025", Case.Sensitive);
    }

    [Fact]
    public void Forms_02_03_and_04_print_their_titles_and_reasons()
    {
        var supplement = new SupplementRequestForm(Samples.Dossier, Samples.ReceivedAt, ["Bản sao giấy chứng nhận kết hôn của cha mẹ"], "Phạm Thu Hà");
        var refusal = new RefusalForm(Samples.Dossier, Samples.ReceivedAt, "Hồ sơ không thuộc thẩm quyền giải quyết của UBND xã.", "Phạm Thu Hà");
        var apology = new ApologyForm(Samples.Dossier, Samples.ReceivedAt, Samples.ReceivedAt.AddDays(1), Samples.ReceivedAt.AddDays(3), "Cần xác minh thông tin với cơ quan công an.") { LeaderName = "Trần Minh Tuấn" };

        var texts = new[] { supplement.ToContent(), refusal.ToContent(), apology.ToContent() }.Select(c => ExternalTool.PdfToText(DocumentRenderer.Render(c).Pdf)).ToArray();

        texts[0].ShouldContain("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", Case.Sensitive);
        texts[0].ShouldContain("Bản sao giấy chứng nhận kết hôn của cha mẹ", Case.Sensitive);
        texts[1].ShouldContain("PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", Case.Sensitive);
        texts[1].ShouldContain("Hồ sơ không thuộc thẩm quyền giải quyết của UBND xã.", Case.Sensitive);
        texts[2].ShouldContain("PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", Case.Sensitive);
        texts[2].ShouldContain("10 giờ 00 phút, ngày 13/03/2025", Case.Sensitive);
    }

    [Fact]
    public void Form_05_lists_every_handover_with_its_timing_class_and_breaks_pages_when_long()
    {
        var handovers = Enumerable.Range(0, 40).Select(i => new Handover(
            i % 2 == 0 ? "Tiếp nhận hồ sơ" : "Thẩm định hồ sơ",
            "Phạm Thu Hà",
            "Lê Quang Vinh",
            Samples.ReceivedAt.AddMinutes(i * 30),
            Samples.ReceivedAt.AddMinutes((i * 30) + 20),
            (HandoverTiming)(1 + (i % 3)))).ToImmutableArray();
        var sheet = new ProcessControlSheet(Samples.Dossier, Samples.ReceivedAt, Samples.ReceivedAt.AddHours(7), handovers);

        var pdf = DocumentRenderer.Render(sheet.ToContent()).Pdf;
        var text = ExternalTool.PdfToText(pdf);

        text.ShouldContain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ", Case.Sensitive);
        text.ShouldContain("Trước hạn", Case.Sensitive);
        text.ShouldContain("Đúng hạn", Case.Sensitive);
        text.ShouldContain("Quá hạn", Case.Sensitive);
        text.Count(c => c == '\f').ShouldBeGreaterThan(1); // pdftotext ends every page with a form feed
    }
}
