using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Workflows.Cli;
using Workflows.Engine.Printing;
using Workflows.Engine.Signing;
using Workflows.Engine.Signing.Certificates;

namespace Workflows.Cli.Tests;

public sealed class PkiCommandTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workflows-pki-{Guid.NewGuid():N}");

    [Fact]
    public async Task Init_writes_a_dev_root_an_issuing_CA_the_requested_certificates_a_CRL_and_a_manifest()
    {
        var (exitCode, output, error) = await Run("pki", "init", "--out", directory, "--users", "chair-tuan=Trần Minh Tuấn", "--units", "xa-tan-an=UBND xã Tân An");

        error.ShouldBeEmpty();
        exitCode.ShouldBe(0);
        output.ShouldContain("DEV ONLY");
        foreach (var file in new[] { "root-ca.pem", "issuing-ca.pem", "crl.pem", "manifest.json", "keys/user-chair-tuan.pfx", "keys/unit-xa-tan-an.pfx", "certs/user-chair-tuan.pem" })
        {
            File.Exists(Path.Combine(directory, file)).ShouldBeTrue(file);
        }

        var personal = X509CertificateLoader.LoadPkcs12CollectionFromFile(Path.Combine(directory, "keys", "user-chair-tuan.pfx"), "dev").Single(c => c.HasPrivateKey);
        CertificateProfile.KindOf(personal).ShouldBe(SignatureKind.Personal);
        CertificateProfile.UserOf(personal)!.Value.Value.ShouldBe("chair-tuan");
        CertificateProfile.CommonName(personal).ShouldBe("Trần Minh Tuấn");
        personal.Subject.ShouldContain(DevelopmentPki.DevMarker);
        var seal = X509CertificateLoader.LoadPkcs12CollectionFromFile(Path.Combine(directory, "keys", "unit-xa-tan-an.pfx"), "dev").Single(c => c.HasPrivateKey);
        CertificateProfile.KindOf(seal).ShouldBe(SignatureKind.Organization);
        CertificateProfile.UnitOf(seal)!.Value.Value.ShouldBe("xa-tan-an");

        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "manifest.json"), TestContext.Current.CancellationToken));
        manifest.RootElement.GetProperty("warning").GetString().ShouldBe(DevelopmentPki.DevMarker);
        manifest.RootElement.GetProperty("certificates").GetArrayLength().ShouldBe(2);
        CertificateRevocationList.Load(await File.ReadAllBytesAsync(Path.Combine(directory, "crl.pem"), TestContext.Current.CancellationToken)).Count.ShouldBe(0);
    }

    [Fact]
    public async Task Init_refuses_to_overwrite_an_existing_PKI()
    {
        (await Run("pki", "init", "--out", directory)).ExitCode.ShouldBe(0);

        var (exitCode, _, error) = await Run("pki", "init", "--out", directory);

        exitCode.ShouldBe(1);
        error.ShouldContain("already holds a PKI");
    }

    [Fact]
    public async Task Init_refuses_an_id_that_is_not_a_slug()
    {
        var (exitCode, _, error) = await Run("pki", "init", "--out", directory, "--users", "Chair Tuan=Trần Minh Tuấn");

        exitCode.ShouldBe(1);
        error.ShouldContain("should be user-id=");
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, new CliConsole(output, error), TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
