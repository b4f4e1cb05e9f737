using System.Text.RegularExpressions;

namespace Workflows.Engine.Signing.Tests.Verification;

/// <summary>
/// Independent verification with poppler's pdfsig (NSS underneath). The dev root is imported into a throw-away NSS
/// database with certutil so pdfsig also says whether the chain is trusted; every test that finds signatures valid
/// asserts that trust too. Without certutil (libnss3-tools) those tests skip rather than check less, and fail under
/// WORKFLOWS_REQUIRE_TOOLS=1.
/// </summary>
public sealed partial class PdfsigTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("workflows-pdfsig-").FullName;

    [Fact]
    public void Pdfsig_finds_two_valid_signatures_on_the_twice_signed_result()
    {
        var output = RunPdfsig(Signed.Twice);

        SignatureHeader().Count(output).ShouldBe(2, output);
        SignatureValid().Count(output).ShouldBe(2, output);
        CertificateTrusted().Count(output).ShouldBe(2, output);
        output.ShouldContain("Trần Minh Tuấn", Case.Sensitive);
        output.ShouldContain("UBND xã Tân An", Case.Sensitive);
        output.ShouldContain("ETSI.CAdES.detached", Case.Sensitive);
    }

    [Theory]
    [MemberData(nameof(Documents.ResultTemplateTests.SampleTemplates), MemberType = typeof(Documents.ResultTemplateTests))]
    public void Pdfsig_finds_both_signatures_valid_on_every_sample_procedures_result(string templateId, string title)
    {
        var rendered = Documents.ResultTemplateTests.Render(templateId);
        var pdf = Signed.SealUnit(rendered, Signed.SignLeader(rendered));

        var output = RunPdfsig(pdf);

        SignatureValid().Count(output).ShouldBe(2, $"{title}: {output}");
        CertificateTrusted().Count(output).ShouldBe(2, $"{title}: {output}");
    }

    [Fact]
    public void Pdfsig_reports_a_byte_flipped_inside_the_signed_range()
    {
        var pdf = (byte[])Signed.Twice.Clone();
        pdf[pdf.Length / 20] ^= 0x01; // inside the generator's revision: both signatures cover it

        var output = RunPdfsig(pdf);

        SignatureValid().Count(output).ShouldBe(0, output);
        output.ShouldContain("Digest Mismatch", Case.Sensitive);
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string RunPdfsig(byte[] pdf)
    {
        var pdfsig = ExternalTool.Require("pdfsig", "poppler-utils");
        var nssDirectory = TrustedNssDatabase(ExternalTool.Require("certutil", "libnss3-tools"));
        var file = Path.Combine(directory, "signed.pdf");
        File.WriteAllBytes(file, pdf);
        var (_, output) = ExternalTool.Run(pdfsig, "-nssdir", "sql:" + nssDirectory, file);
        return output;
    }

    /// <summary>A throw-away NSS database that trusts the dev root, so pdfsig can judge the certificate chain.</summary>
    private string TrustedNssDatabase(string certutil)
    {
        var nss = Path.Combine(directory, "nss");
        Directory.CreateDirectory(nss);
        var root = Path.Combine(directory, "root.pem");
        File.WriteAllText(root, TestPki.PublicRoot.ExportCertificatePem());
        ExternalTool.Run(certutil, "-N", "-d", "sql:" + nss, "--empty-password").ExitCode.ShouldBe(0);
        ExternalTool.Run(certutil, "-A", "-d", "sql:" + nss, "-n", "workflows-dev-root", "-t", "C,C,C", "-i", root).ExitCode.ShouldBe(0);
        return nss;
    }

    [GeneratedRegex(@"^Signature #\d+:", RegexOptions.Multiline)]
    private static partial Regex SignatureHeader();

    [GeneratedRegex(@"Signature Validation: Signature is Valid\.")]
    private static partial Regex SignatureValid();

    [GeneratedRegex(@"Certificate Validation: Certificate is Trusted\.")]
    private static partial Regex CertificateTrusted();
}
