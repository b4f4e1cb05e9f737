using System.Security.Cryptography.X509Certificates;
using Workflows.Engine.Identity;
using Workflows.Engine.Printing;
using Workflows.Engine.Printing.Forms;
using Workflows.Engine.Signing.Certificates;
using Workflows.Engine.Signing.Pades;
using Workflows.Engine.Signing.Signers;

namespace Workflows.Engine.Signing.Tests.Pades;

public class SigningRefusalTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task A_certificate_without_digital_signature_or_non_repudiation_is_refused()
    {
        var encipherOnly = TestPki.Pki.IssuePersonal(TestPki.Chair, "Trần Minh Tuấn", options: new() { KeyUsage = X509KeyUsageFlags.KeyEncipherment });

        var result = await Sign(new ServerKeySigner(encipherOnly, [TestPki.Pki.IssuingCa]), SignatureKind.Personal);

        result.Rejection!.Code.ShouldBe(SigningRejectionCodes.CertificateCannotSign);
    }

    [Fact]
    public async Task An_expired_certificate_is_refused()
    {
        var expired = TestPki.Pki.IssuePersonal(TestPki.Chair, "Trần Minh Tuấn", options: new() { NotBefore = TestPki.Created, NotAfter = TestPki.Created.AddDays(2) });

        var result = await Sign(new ServerKeySigner(expired, [TestPki.Pki.IssuingCa]), SignatureKind.Personal);

        result.Rejection!.Code.ShouldBe(SigningRejectionCodes.CertificateNotValidNow);
    }

    [Fact]
    public async Task An_organization_certificate_cannot_make_the_leaders_personal_signature()
    {
        var result = await Sign(TestPki.CommuneSigner, SignatureKind.Personal);

        result.Rejection!.Code.ShouldBe(SigningRejectionCodes.CertificateWrongKind);
    }

    [Fact]
    public async Task Another_persons_certificate_is_refused_when_the_approver_is_named()
    {
        var request = new SignatureRequest(SignatureKind.Personal, SignatureFields.Leader) { ExpectedUser = new UserId("vice-chair-lan") };

        var result = await TestPki.Service().SignAsync(Samples.RenderBirthCertificate().Pdf, TestPki.ChairSigner, request, None);

        result.Rejection!.Code.ShouldBe(SigningRejectionCodes.CertificateWrongHolder);
    }

    [Theory]
    [InlineData("not a pdf at all, just some text that is long enough")]
    [InlineData("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF")]
    public async Task Bytes_that_are_not_a_readable_pdf_are_refused(string text)
    {
        var result = await TestPki.Service().SignAsync(System.Text.Encoding.ASCII.GetBytes(text), TestPki.ChairSigner, new SignatureRequest(SignatureKind.Personal, "x"), None);

        result.Rejection!.Code.ShouldBe(SigningRejectionCodes.InvalidPdf);
    }

    [Fact]
    public async Task A_truncated_pdf_is_refused()
    {
        var pdf = Samples.RenderBirthCertificate().Pdf;

        var result = await TestPki.Service().SignAsync(pdf[..(pdf.Length / 2)], TestPki.ChairSigner, new SignatureRequest(SignatureKind.Personal, "x"), None);

        result.Rejection!.Code.ShouldBe(SigningRejectionCodes.InvalidPdf);
    }

    [Fact]
    public async Task A_document_over_the_size_limit_is_refused_before_parsing()
    {
        var service = new PdfSigningService(new InMemorySigningSessionStore(), TimeProvider.System, new PdfSigningOptions { MaxDocumentBytes = 1000 });

        var result = await service.SignAsync(Samples.RenderBirthCertificate().Pdf, TestPki.ChairSigner, new SignatureRequest(SignatureKind.Personal, "x"), None);

        result.Rejection!.Code.ShouldBe(SigningRejectionCodes.DocumentTooLarge);
    }

    [Fact]
    public async Task The_same_field_cannot_be_signed_twice()
    {
        var result = await TestPki.Service().SignAsync(Signed.Once, TestPki.ChairSigner, new SignatureRequest(SignatureKind.Personal, SignatureFields.Leader), None);

        result.Rejection!.Code.ShouldBe(SigningRejectionCodes.InvalidPdf);
        result.Rejection.Message.ShouldContain(SignatureFields.Leader);
    }

    [Fact]
    public async Task A_server_key_from_a_PKCS12_vault_signs()
    {
        var vault = new Pkcs12KeyVault();
        var collection = new X509Certificate2Collection { TestPki.CommuneWithKey, X509CertificateLoader.LoadCertificate(TestPki.Pki.IssuingCa.RawData) };
        vault.Add(KeyIds.For(TestPki.Commune), collection.Export(X509ContentType.Pkcs12, "dev")!, "dev");
        var signer = (await vault.FindAsync(KeyIds.For(TestPki.Commune), None))!;

        var result = await TestPki.Service().SignAsync(Signed.Once, signer, new SignatureRequest(SignatureKind.Organization, SignatureFields.OrganizationSeal), None);

        result.Rejection.ShouldBeNull();
        TestPki.Verifier().Verify(result.Value!).IsIntact.ShouldBeTrue();
        (await vault.FindAsync("unit:unknown", None)).ShouldBeNull();
    }

    [Fact]
    public void Dev_certificates_say_they_are_not_for_production_and_carry_the_signing_extensions()
    {
        var certificate = TestPki.ChairWithKey;

        certificate.Subject.ShouldContain(DevelopmentPki.DevMarker);
        TestPki.Pki.Root.Subject.ShouldContain("DEV ONLY");
        certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().Single().EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>()
            .Select(o => o.Value).ShouldContain(CertificateProfile.DocumentSigningUsage);
        certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().ShouldHaveSingleItem();
        certificate.Extensions.OfType<X509AuthorityKeyIdentifierExtension>().ShouldHaveSingleItem();
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority.ShouldBeFalse();
        CertificateProfile.KindOf(certificate).ShouldBe(SignatureKind.Personal);
        CertificateProfile.KindOf(TestPki.CommuneWithKey).ShouldBe(SignatureKind.Organization);
    }

    private static Task<SigningResult<byte[]>> Sign(ISigner signer, SignatureKind kind) =>
        TestPki.Service().SignAsync(Samples.RenderBirthCertificate().Pdf, signer, new SignatureRequest(kind, SignatureFields.Leader), None);
}
