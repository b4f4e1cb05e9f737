using System.Text;
using Workflows.Engine.Signing.Documents;
using Workflows.Engine.Signing.Documents.Forms;
using Workflows.Engine.Signing.Pdf;

namespace Workflows.Engine.Signing.Tests.Pades;

/// <summary>Both signatures are visible: widgets over the printed blocks, with an appearance naming signer and time.</summary>
public class VisibleSignatureTests
{
    [Fact]
    public void Each_signature_widget_covers_its_printed_signature_block()
    {
        var rendered = Samples.RenderBirthCertificate();

        var widgets = Widgets(Signed.Twice);

        widgets.Keys.ShouldBe([SignatureFields.Leader, SignatureFields.OrganizationSeal], ignoreOrder: true);
        foreach (var (field, rectangle) in widgets)
        {
            var area = rendered.Area(field).ShouldNotBeNull().Rectangle;
            rectangle[0].ShouldBe(area.Left, 0.01);
            rectangle[1].ShouldBe(area.Bottom, 0.01);
            rectangle[2].ShouldBe(area.Right, 0.01);
            rectangle[3].ShouldBe(area.Top, 0.01);
            (rectangle[2] - rectangle[0]).ShouldBeGreaterThan(100, field);
            (rectangle[3] - rectangle[1]).ShouldBeGreaterThan(50, field);
        }
    }

    [Fact]
    public void The_appearances_name_the_signer_and_the_signing_time_in_Vietnam_time()
    {
        var text = Encoding.Latin1.GetString(Signed.Twice);

        text.ShouldContain("(Ky so boi: Tran Minh Tuan) Tj", Case.Sensitive);
        text.ShouldContain("(Ky so boi: UBND xa Tan An) Tj", Case.Sensitive);
        text.ShouldContain("(Thoi gian ky: 10/03/2025 10:30:00 +07:00) Tj", Case.Sensitive);
        text.ShouldContain("/BaseFont/Helvetica/Encoding/WinAnsiEncoding", Case.Sensitive);
    }

    [Fact]
    public void The_rendered_areas_are_read_back_from_the_signed_PDF_so_the_seal_can_be_placed_later()
    {
        var rendered = Samples.RenderBirthCertificate();

        RenderedDocument.AreasIn(Signed.Once).ShouldBe(rendered.SignatureAreas);
        RenderedDocument.AreasIn(Encoding.ASCII.GetBytes("%PDF-1.7\nnot really\n%%EOF")).ShouldBeEmpty();
    }

    [Fact]
    public void Vietnamese_is_written_without_diacritics_in_the_standard_font()
    {
        SignatureAppearance.Ascii("Trần Minh Tuấn, Đắk Lắk (Ủy ban)").ShouldBe("Tran Minh Tuan, Dak Lak (Uy ban)");
    }

    [Fact]
    public void Both_visible_signatures_verify_and_a_changed_appearance_is_detected()
    {
        TestPki.Verifier().Verify(Signed.Twice).AllSignaturesValid.ShouldBeTrue();
        var tampered = (byte[])Signed.Twice.Clone();
        var at = Encoding.Latin1.GetString(tampered).IndexOf("Tran Minh Tuan", StringComparison.Ordinal);
        tampered[at] = (byte)'X';

        var report = TestPki.Verifier().Verify(tampered);

        report.AllSignaturesValid.ShouldBeFalse();
        report.Signatures.ShouldAllBe(s => s.Integrity == Workflows.Engine.Signing.Verification.SignatureIntegrity.Modified);
    }

    private static Dictionary<string, double[]> Widgets(byte[] pdf)
    {
        var file = PdfFile.Open(pdf);
        var catalog = file.ReadDictionary(file.Root);
        var acroForm = (PdfDictionary)file.Resolve(catalog["AcroForm"]!);
        var fields = (PdfArray)file.Resolve(acroForm["Fields"]!);
        return fields.Items.Select(f => (PdfDictionary)file.Resolve(f)).ToDictionary(
            f => FieldName((PdfVerbatim)f["T"]!),
            f => ((PdfArray)f["Rect"]!).Items.Select(n => double.Parse(((PdfNumber)n).Text, System.Globalization.CultureInfo.InvariantCulture)).ToArray());
    }

    private static string FieldName(PdfVerbatim name) => name.Text.Trim('(', ')');
}
