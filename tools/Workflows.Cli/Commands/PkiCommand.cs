using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Workflows.Engine.Identity;
using Workflows.Engine.Signing.Certificates;
using Workflows.Engine.Signing.Signers;

namespace Workflows.Cli.Commands;

/// <summary>
/// <c>workflows pki init</c>: a development PKI for demos and local runs — root CA, issuing CA, personal
/// certificates for leaders, organization certificates (e-seals) for units, an empty CRL and a manifest.
/// Every subject says "DEV ONLY - NOT FOR PRODUCTION"; production trusts licensed CAs through configuration.
/// </summary>
internal static class PkiCommand
{
    private const string DefaultPassword = "dev";

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(CliConsole console)
    {
        var command = new Command("pki", "Development certificates for signing (never for production).");
        command.Subcommands.Add(CreateInit(console));
        return command;
    }

    private static Command CreateInit(CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "Directory to write into (created; must not hold a PKI already).", Required = true };
        var users = new Option<string[]>("--users")
        {
            Description = "Leaders to certify, as user-id=\"Full name\", e.g. chair-tuan=\"Trần Minh Tuấn\".",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["chair-tuan=Trần Minh Tuấn"],
        };
        var units = new Option<string[]>("--units")
        {
            Description = "Units to certify, as unit-id=\"Unit name\", e.g. xa-tan-an=\"UBND xã Tân An\".",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["xa-tan-an=UBND xã Tân An"],
        };
        var password = new Option<string>("--password") { Description = "Password of the .pfx files.", DefaultValueFactory = _ => DefaultPassword };

        var command = new Command("init", "Create a dev root CA, issuing CA, personal and organization certificates, a CRL and manifest.json.") { output, users, units, password };
        command.SetAction(parseResult =>
        {
            var directory = parseResult.GetValue(output)!;
            if (File.Exists(Path.Combine(directory, "manifest.json")))
            {
                return Fail(console, $"{directory} already holds a PKI (manifest.json); choose another --out.");
            }

            if (!TryParsePairs(parseResult.GetValue(users)!, "user", out var people, out var error)
                || !TryParsePairs(parseResult.GetValue(units)!, "unit", out var organizations, out error))
            {
                return Fail(console, error);
            }

            var now = TimeProvider.System.GetUtcNow();
            var secret = parseResult.GetValue(password)!;
            using var pki = DevelopmentPki.Create(now);
            Directory.CreateDirectory(Path.Combine(directory, "keys"));
            Directory.CreateDirectory(Path.Combine(directory, "certs"));
            WritePem(directory, "root-ca.pem", pki.Root);
            WritePem(directory, "issuing-ca.pem", pki.IssuingCa);
            File.WriteAllBytes(Path.Combine(directory, "keys", "root-ca.pfx"), pki.Root.Export(X509ContentType.Pkcs12, secret));
            File.WriteAllBytes(Path.Combine(directory, "keys", "issuing-ca.pfx"), pki.IssuingCa.Export(X509ContentType.Pkcs12, secret));
            File.WriteAllText(Path.Combine(directory, "crl.pem"), PemEncoding.WriteString("X509 CRL", pki.BuildCrl(now)));

            var entries = new List<ManifestEntry>();
            foreach (var (id, name) in people)
            {
                using var certificate = pki.IssuePersonal(new UserId(id), name);
                entries.Add(WriteLeaf(directory, KeyIds.For(new UserId(id)), "personal", name, certificate, pki.IssuingCa, secret));
            }

            foreach (var (id, name) in organizations)
            {
                using var certificate = pki.IssueOrganization(new UnitId(id), name);
                entries.Add(WriteLeaf(directory, KeyIds.For(new UnitId(id)), "organization", name, certificate, pki.IssuingCa, secret));
            }

            var manifest = new
            {
                warning = DevelopmentPki.DevMarker,
                createdAt = now.ToString("O", CultureInfo.InvariantCulture),
                pfxPassword = secret,
                root = new { file = "root-ca.pem", subject = pki.Root.Subject, thumbprint = pki.Root.Thumbprint },
                issuingCa = new { file = "issuing-ca.pem", subject = pki.IssuingCa.Subject, thumbprint = pki.IssuingCa.Thumbprint },
                crl = "crl.pem",
                policies = new { personal = CertificateProfile.DevPersonalPolicy, organization = CertificateProfile.DevOrganizationPolicy },
                certificates = entries,
            };
            File.WriteAllText(Path.Combine(directory, "manifest.json"), JsonSerializer.Serialize(manifest, ManifestJson));

            console.Out.WriteLine($"Development PKI written to {directory} ({DevelopmentPki.DevMarker}):");
            console.Out.WriteLine($"  root CA      root-ca.pem      {pki.Root.Subject}");
            console.Out.WriteLine($"  issuing CA   issuing-ca.pem   {pki.IssuingCa.Subject}");
            foreach (var entry in entries)
            {
                console.Out.WriteLine($"  {entry.Kind,-12} {entry.KeyFile,-32} {entry.Name}");
            }

            console.Out.WriteLine($"  CRL          crl.pem; .pfx password \"{secret}\"; details in manifest.json");
            return 0;
        });
        return command;
    }

    private static ManifestEntry WriteLeaf(string directory, string keyId, string kind, string name, X509Certificate2 certificate, X509Certificate2 issuingCa, string password)
    {
        var keyFile = Path.Combine("keys", Pkcs12KeyVault.FileName(keyId));
        var certificateFile = Path.Combine("certs", Path.ChangeExtension(Pkcs12KeyVault.FileName(keyId), ".pem"));
        using var issuerPublic = X509CertificateLoader.LoadCertificate(issuingCa.RawData);
        var bundle = new X509Certificate2Collection { certificate, issuerPublic };
        File.WriteAllBytes(Path.Combine(directory, keyFile), bundle.Export(X509ContentType.Pkcs12, password)!);
        WritePem(directory, certificateFile, certificate);
        return new ManifestEntry(keyId, kind, name, certificate.Subject, certificate.Thumbprint, keyFile, certificateFile, certificate.NotAfter.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
    }

    private static void WritePem(string directory, string file, X509Certificate2 certificate) =>
        File.WriteAllText(Path.Combine(directory, file), certificate.ExportCertificatePem() + "\n");

    private static bool TryParsePairs(string[] values, string what, out List<(string Id, string Name)> pairs, out string error)
    {
        pairs = [];
        foreach (var value in values)
        {
            var separator = value.IndexOf('=', StringComparison.Ordinal);
            var id = separator < 0 ? value : value[..separator];
            var name = separator < 0 ? "" : value[(separator + 1)..].Trim().Trim('"');
            if (!Slug.IsValid(id) || name.Length == 0)
            {
                error = $"--{what}s: \"{value}\" should be {what}-id=\"Name\", with an id of lower-case letters, digits and hyphens (e.g. {(what == "user" ? "chair-tuan=\"Trần Minh Tuấn\"" : "xa-tan-an=\"UBND xã Tân An\"")}).";
                return false;
            }

            pairs.Add((id, name));
        }

        error = "";
        return true;
    }

    private static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine(message);
        return 1;
    }

    private sealed record ManifestEntry(string KeyId, string Kind, string Name, string Subject, string Thumbprint, string KeyFile, string CertificateFile, string NotAfter);
}
