using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.Identity;
using Workflows.Engine.Signing.Certificates;
using Workflows.Engine.Signing.Pades;
using Workflows.Engine.Signing.Signers;
using Workflows.Engine.Signing.Verification;

namespace Workflows.Engine.Signing.Tests;

/// <summary>One dev PKI for the whole run (RSA key generation is the slow part), created at a literal instant.</summary>
internal static class TestPki
{
    public static readonly DateTimeOffset Created = new(2025, 3, 1, 8, 0, 0, TimeSpan.FromHours(7));

    /// <summary>When the tests sign: the day of the birth registration.</summary>
    public static readonly DateTimeOffset SigningAt = new(2025, 3, 10, 10, 30, 0, TimeSpan.FromHours(7));

    public static readonly UserId Chair = new("chair-tuan");
    public static readonly UnitId Commune = new("xa-tan-an");

    private static readonly Lazy<DevelopmentPki> Shared = new(() => DevelopmentPki.Create(Created));
    private static readonly Lazy<X509Certificate2> ChairCertificate = new(() => Pki.IssuePersonal(Chair, "Trần Minh Tuấn", "UBND xã Tân An", LongLived));
    private static readonly Lazy<X509Certificate2> CommuneCertificate = new(() => Pki.IssueOrganization(Commune, "UBND xã Tân An", LongLived));

    // Long enough that pdfsig, which checks validity at today's date, still trusts them for years.
    public static CertificateOptions LongLived => new() { NotAfter = Created.AddYears(15) };

    public static DevelopmentPki Pki => Shared.Value;

    public static X509Certificate2 ChairWithKey => ChairCertificate.Value;

    public static X509Certificate2 CommuneWithKey => CommuneCertificate.Value;

    public static ISigner ChairSigner => new ServerKeySigner(ChairWithKey, [Pki.IssuingCa]);

    public static ISigner CommuneSigner => new ServerKeySigner(CommuneWithKey, [Pki.IssuingCa]);

    public static X509Certificate2 PublicRoot => X509CertificateLoader.LoadCertificate(Pki.Root.RawData);

    public static PdfSigningService Service(FakeTimeProvider? time = null, ISigningSessionStore? store = null) =>
        new(store ?? new InMemorySigningSessionStore(), time ?? new FakeTimeProvider(SigningAt));

    public static PdfSignatureVerifier Verifier(params CertificateRevocationList[] crls) =>
        new(TrustAnchors.Development(PublicRoot, crls), new FakeTimeProvider(SigningAt));
}
