using System.Text;
using Workflows.Engine.Signing.Verification;

namespace Workflows.Engine.Signing.Tests.Verification;

/// <summary>Issue 7's "corrupted PDF" as the verifier meets it: damage is reported per signature, never as valid.</summary>
public class DamagedPdfTests
{
    [Fact]
    public void A_signed_PDF_cut_short_keeps_the_leaders_revision_valid_and_reports_the_cut_seal_as_malformed()
    {
        var once = Signed.Once.Length;
        var cut = Signed.Twice[..(once + ((Signed.Twice.Length - once) / 2))];

        var report = TestPki.Verifier().Verify(cut);

        report.Signatures.Length.ShouldBe(2);
        report.Signatures[0].IsValid.ShouldBeTrue(string.Join("; ", report.Signatures[0].Problems));
        report.Signatures[1].Integrity.ShouldBe(SignatureIntegrity.Malformed);
        report.AllSignaturesValid.ShouldBeFalse();
    }

    [Fact]
    public void A_contents_that_is_not_hex_is_malformed_not_valid()
    {
        var pdf = (byte[])Signed.Once.Clone();
        var text = Encoding.Latin1.GetString(pdf);
        var contents = text.IndexOf("/Contents<", StringComparison.Ordinal) + "/Contents<".Length;
        pdf[contents] = (byte)'Z';

        var report = TestPki.Verifier().Verify(pdf);

        report.Signatures.Single().Integrity.ShouldBe(SignatureIntegrity.Malformed);
        report.AllSignaturesValid.ShouldBeFalse();
    }

    [Fact]
    public void A_byte_range_pointing_past_the_end_of_the_file_is_malformed()
    {
        var text = Encoding.Latin1.GetString(Signed.Once);
        var at = text.IndexOf("/ByteRange[", StringComparison.Ordinal) + "/ByteRange[".Length;
        var end = text.IndexOf(']', at);
        var forged = text[..at] + "0 10 20 99999999".PadRight(end - at) + text[end..];

        var report = TestPki.Verifier().Verify(Encoding.Latin1.GetBytes(forged));

        report.Signatures.Single().Integrity.ShouldBe(SignatureIntegrity.Malformed);
    }
}
