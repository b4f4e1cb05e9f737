using System.Text;
using Workflows.Engine.Printing;
using Workflows.Engine.Printing.Forms;
using Workflows.Engine.Printing.Pdf;
using Workflows.Engine.Signing.Pdf;

namespace Workflows.Engine.Signing.Tests.Pades;

/// <summary>Both signatures are visible: widgets over the printed blocks, with an appearance naming signer and time in Vietnamese.</summary>
public class VisibleSignatureTests
{
    [Fact]
    public void Each_signature_widget_covers_its_printed_signature_block()
    {
        var rendered = Signed.Draft;

        var widgets = Widgets(Signed.Twice);

        widgets.Keys.ShouldBe([SignatureFields.Leader, SignatureFields.OrganizationSeal], ignoreOrder: true);
        foreach (var (field, rectangles) in widgets)
        {
            var area = rendered.Area(field).ShouldNotBeNull().Rectangle;
            var rectangle = rectangles[0];
            rectangle[0].ShouldBe(area.Left, 0.01);
            rectangle[1].ShouldBe(area.Bottom, 0.01);
            rectangle[2].ShouldBe(area.Right, 0.01);
            rectangle[3].ShouldBe(area.Top, 0.01);
            (rectangle[2] - rectangle[0]).ShouldBeGreaterThan(100, field);
            (rectangle[3] - rectangle[1]).ShouldBeGreaterThan(50, field);
        }
    }

    [Fact]
    public void The_seal_prints_into_the_blanks_with_locked_free_text_annotations_of_its_own_revision()
    {
        var file = PdfFile.Open(Signed.Twice);
        var page = file.ReadDictionary(file.PageReferences()[0]);
        var annotations = ((PdfArray)file.Resolve(page["Annots"]!)).Items.Select(a => (PdfDictionary)file.Resolve(a)).ToList();

        var texts = annotations.Where(a => a.NameOf("Subtype") == "FreeText").ToList();

        texts.Select(a => { var r = Rectangle(a); return new PdfRectangle(r[0], r[1], r[2], r[3]); }).ShouldBe(Signed.Draft.TextSlots.Select(s => s.Rectangle));
        texts.Select(a => ((PdfVerbatim)a["Contents"]!).Text).ShouldBe([$"({Samples.IssuedNumber})", PdfVerbatim.TextString("ngày 10 tháng 03 năm 2025").Text]);
        texts.ShouldAllBe(a => ((PdfNumber)a["F"]!).AsLong == 708);
        Encoding.Latin1.GetString(Signed.Once).ShouldNotContain("/FreeText", Case.Sensitive);
        Widgets(Signed.Twice).Values.ShouldAllBe(rectangles => rectangles.Length == 1);
    }

    [Fact]
    public void The_appearances_name_signer_time_reason_and_place_in_Vietnamese_with_diacritics()
    {
        var text = ExternalTool.PdfToText(Signed.Twice);

        text.ShouldContain("Ký số bởi: Trần Minh Tuấn", Case.Sensitive);
        text.ShouldContain("Ký số bởi: UBND xã Tân An", Case.Sensitive);
        text.ShouldContain("Thời gian ký: 10/03/2025 10:30:00 +07:00", Case.Sensitive);
        text.ShouldContain("Lý do: Phê duyệt kết quả", Case.Sensitive);
        text.ShouldContain("Nơi ký: Tân An", Case.Sensitive);
        text.ShouldNotContain("Ky so boi", Case.Sensitive);
        Encoding.Latin1.GetString(Signed.Twice).ShouldNotContain("/BaseFont/Helvetica", Case.Sensitive);
    }

    [Fact]
    public void The_rendered_areas_are_read_back_from_the_signed_PDF_so_the_seal_can_be_placed_later()
    {
        RenderedDocument.AreasIn(Signed.Once).ShouldBe(Signed.Draft.SignatureAreas);
        RenderedDocument.AreasIn(Encoding.ASCII.GetBytes("%PDF-1.7\nnot really\n%%EOF")).ShouldBeEmpty();
    }

    [Fact]
    public void A_character_the_appearance_font_lacks_loses_its_diacritics_or_becomes_a_question_mark()
    {
        WidgetFont.Instance.Printable("Trần Minh Tuấn, Đắk Lắk (Ủy ban)").ShouldBe("Trần Minh Tuấn, Đắk Lắk (Ủy ban)");
        WidgetFont.Instance.Printable("Ǹ Ω").ShouldBe("N ?");
    }

    [Fact]
    public void Both_visible_signatures_verify_and_a_changed_appearance_is_detected()
    {
        TestPki.Verifier().Verify(Signed.Twice).AllSignaturesValid.ShouldBeTrue();
        var tampered = (byte[])Signed.Twice.Clone();
        var at = Encoding.Latin1.GetString(tampered).IndexOf("Tf 9.5 TL", StringComparison.Ordinal);
        at.ShouldBeLessThan(Signed.Once.Length, "the leader's appearance is in the leader's revision");
        tampered[at + 40] ^= 0x01;

        var report = TestPki.Verifier().Verify(tampered);

        report.AllSignaturesValid.ShouldBeFalse();
        report.Signatures.ShouldAllBe(s => s.Integrity == Workflows.Engine.Signing.Verification.SignatureIntegrity.Modified);
    }

    /// <summary>Each signature field's widget rectangles: the merged field itself, or its kids in order.</summary>
    private static Dictionary<string, double[][]> Widgets(byte[] pdf)
    {
        var file = PdfFile.Open(pdf);
        var catalog = file.ReadDictionary(file.Root);
        var acroForm = (PdfDictionary)file.Resolve(catalog["AcroForm"]!);
        var fields = (PdfArray)file.Resolve(acroForm["Fields"]!);
        return fields.Items.Select(f => (PdfDictionary)file.Resolve(f)).ToDictionary(
            f => FieldName((PdfVerbatim)f["T"]!),
            f => f["Kids"] is PdfArray kids ? [.. kids.Items.Select(k => Rectangle((PdfDictionary)file.Resolve(k)))] : new[] { Rectangle(f) });
    }

    private static double[] Rectangle(PdfDictionary widget) =>
        [.. ((PdfArray)widget["Rect"]!).Items.Select(n => double.Parse(((PdfNumber)n).Text, System.Globalization.CultureInfo.InvariantCulture))];

    private static string FieldName(PdfVerbatim name) => name.Text.Trim('(', ')');
}
