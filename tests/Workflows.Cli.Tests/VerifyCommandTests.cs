using System.Globalization;
using System.Text;
using Workflows.Cli;
using Workflows.Engine.Printing;
using Workflows.Engine.Signing;
using Workflows.Engine.Signing.Pades;
using Workflows.Engine.Signing.Signers;

namespace Workflows.Cli.Tests;

/// <summary>End to end: <c>pki init</c> writes keys, the signing service signs twice from that directory, <c>verify</c> reads it back.</summary>
public sealed class VerifyCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workflows-verify-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_document_signed_by_the_leader_and_sealed_by_the_unit_verifies_with_exit_code_0()
    {
        var pdf = await SignedTwice();

        var (exitCode, output, error) = await Run("verify", pdf, "--trust", Path.Combine(directory, "root-ca.pem"), "--crl", Path.Combine(directory, "crl.pem"));

        error.ShouldBeEmpty();
        output.ShouldContain("Signature 1: VALID");
        output.ShouldContain("personal (user chair-tuan)");
        output.ShouldContain("Signature 2: VALID");
        output.ShouldContain("organization (unit xa-tan-an)");
        output.ShouldContain("not revoked (CRL)");
        output.ShouldContain("Result: VALID");
        exitCode.ShouldBe(0);
    }

    [Fact]
    public async Task Without_the_dev_root_the_chain_is_not_trusted_and_the_exit_code_is_1()
    {
        var pdf = await SignedTwice();

        var (exitCode, output, _) = await Run("verify", pdf);

        output.ShouldContain("NOT trusted");
        exitCode.ShouldBe(1);
    }

    [Fact]
    public async Task A_modified_byte_makes_the_exit_code_1()
    {
        var pdf = await SignedTwice();
        var bytes = await File.ReadAllBytesAsync(pdf, TestContext.Current.CancellationToken);
        bytes[Array.IndexOf(bytes, (byte)'O')] ^= 0x01; // inside the first revision ("Ông")
        await File.WriteAllBytesAsync(pdf, bytes, TestContext.Current.CancellationToken);

        var (exitCode, output, _) = await Run("verify", pdf, "--trust", Path.Combine(directory, "root-ca.pem"));

        output.ShouldContain("MODIFIED after signing");
        exitCode.ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_file_is_reported_on_stderr()
    {
        var (exitCode, _, error) = await Run("verify", Path.Combine(directory, "nothing.pdf"));

        exitCode.ShouldBe(1);
        error.ShouldContain("no such file");
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private async Task<string> SignedTwice()
    {
        (await Run("pki", "init", "--out", directory)).ExitCode.ShouldBe(0);
        var vault = new Pkcs12KeyVault(Path.Combine(directory, "keys"), _ => "dev");
        var service = new PdfSigningService(new InMemorySigningSessionStore(), TimeProvider.System);
        var cancellation = TestContext.Current.CancellationToken;
        var leader = (await vault.FindAsync("user:chair-tuan", cancellation))!;
        var seal = (await vault.FindAsync("unit:xa-tan-an", cancellation))!;
        var once = await service.SignAsync(MinimalPdf(), leader, new SignatureRequest(SignatureKind.Personal, "leader-signature"), cancellation);
        var twice = await service.SignAsync(once.Value!, seal, new SignatureRequest(SignatureKind.Organization, "organization-seal"), cancellation);
        twice.Rejection.ShouldBeNull();
        var path = Path.Combine(directory, "result.pdf");
        await File.WriteAllBytesAsync(path, twice.Value!, cancellation);
        return path;
    }

    /// <summary>A one-page PDF written by hand (classic xref), so the CLI tests need no PDF generator.</summary>
    private static byte[] MinimalPdf()
    {
        string[] objects =
        [
            "<</Type/Catalog/Pages 2 0 R>>",
            "<</Type/Pages/Kids[3 0 R]/Count 1>>",
            "<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R/Resources<<>>>>",
            "<</Length 24>>stream\nBT /F1 12 Tf (Ong) Tj ET\nendstream",
        ];
        var text = new StringBuilder("%PDF-1.7\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(text.Length);
            text.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }

        var xref = text.Length;
        text.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f\r\n");
        foreach (var offset in offsets)
        {
            text.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n\r\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {objects.Length + 1}/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, new CliConsole(output, error), TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
