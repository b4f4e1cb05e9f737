using System.Text;
using Workflows.Engine.Printing;
using Workflows.Engine.Signing.Verification;

namespace Workflows.Engine.Signing.Tests.Pades;

/// <summary>
/// The leader signs a draft with blanks after "Số:" and after the place; the clerk's e-seal prints the register's
/// number and the issue date into them in its own revision (ADR 0022), and the leader's signature stays valid.
/// </summary>
public class NumberedSealTests
{
    [Fact]
    public void The_leader_signs_a_draft_that_leaves_the_number_and_the_date_blank()
    {
        var text = ExternalTool.PdfToText(Signed.Once);

        text.ShouldContain("Số:", Case.Sensitive);
        text.ShouldNotContain(Samples.IssuedNumber, Case.Sensitive);
        text.ShouldNotContain("........./.........", Case.Sensitive);
        text.ShouldContain("Tân An,", Case.Sensitive);
        text.ShouldNotContain("tháng 03 năm 2025", Case.Sensitive);
    }

    [Fact]
    public void The_sealed_result_reads_its_number_and_its_issue_date_where_the_draft_left_them_blank()
    {
        var text = ExternalTool.PdfToText(Signed.Twice);

        text.ShouldContain($"Số: {Samples.IssuedNumber}", Case.Sensitive);
        text.ShouldContain("Tân An, ngày 10 tháng 03 năm 2025", Case.Sensitive);
    }

    [Fact]
    public void The_blanks_are_recorded_in_the_draft_and_read_back_from_the_signed_revision()
    {
        var slots = RenderedDocument.SlotsIn(Signed.Once);

        slots.ShouldBe(Signed.Draft.TextSlots);
        slots.Select(s => (s.Name, s.PageIndex, s.FontSize, s.Italic)).ShouldBe([(TextSlots.Number, 0, 12.0, false), (TextSlots.IssueDate, 0, 12.0, true)]);
        slots.ShouldAllBe(s => s.Rectangle.Bottom < s.Baseline && s.Baseline < s.Rectangle.Top && s.Rectangle.Left < s.Rectangle.Right);
        RenderedDocument.SlotsIn(Samples.RenderBirthCertificate().Pdf).ShouldBeEmpty("a numbered, dated result leaves nothing blank");
    }

    [Fact]
    public void Both_signatures_stay_valid_the_leaders_covering_its_revision_and_the_seal_the_whole_file()
    {
        var report = TestPki.Verifier().Verify(Signed.Twice);

        report.AllSignaturesValid.ShouldBeTrue(string.Join("\n", report.Signatures.SelectMany(s => s.Problems)));
        report.Signatures[0].CoveredLength.ShouldBe(Signed.Once.Length);
        report.Signatures[1].CoversWholeDocument.ShouldBeTrue();
    }

    [Fact]
    public void A_changed_number_breaks_the_seal_but_not_the_leaders_signature()
    {
        var tampered = (byte[])Signed.Twice.Clone();
        var at = Encoding.Latin1.GetString(tampered).IndexOf("/WorkflowsSerif 12 Tf", Signed.Once.Length, StringComparison.Ordinal);
        at.ShouldBeGreaterThan(0);
        tampered[at + 40] ^= 0x01;

        var report = TestPki.Verifier().Verify(tampered);

        report.Signatures[0].Integrity.ShouldBe(SignatureIntegrity.Intact);
        report.Signatures[1].Integrity.ShouldBe(SignatureIntegrity.Modified);
    }

    [Fact]
    public void The_appearance_font_is_embedded_once_and_the_seal_reuses_the_leaders()
    {
        static int FontFiles(byte[] pdf) => CountOf(Encoding.Latin1.GetString(pdf), "/Length1 ");

        (FontFiles(Signed.Once) - FontFiles(Signed.Draft.Pdf)).ShouldBe(1);
        FontFiles(Signed.Twice).ShouldBe(FontFiles(Signed.Once));
        (Signed.Twice.Length - Signed.Once.Length).ShouldBeLessThan(30_000, "the seal's revision: signature, widgets, appearances, no font");
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
