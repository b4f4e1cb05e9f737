using System.Security.Cryptography.X509Certificates;
using Workflows.Engine.Printing;
using Workflows.Engine.Signing.Certificates;
using Workflows.Engine.Signing.Verification;

namespace Workflows.Engine.Signing.Tests.Pades;

public class SequentialSigningTests
{
    [Fact]
    public void The_leaders_signature_and_the_units_seal_both_verify_on_the_same_pdf()
    {
        var report = TestPki.Verifier().Verify(Signed.Twice);

        report.Signatures.Length.ShouldBe(2);
        report.AllSignaturesValid.ShouldBeTrue(string.Join("\n", report.Signatures.SelectMany(s => s.Problems)));
        report.IsIntact.ShouldBeTrue();

        var leader = report.Signatures[0];
        leader.Kind.ShouldBe(SignatureKind.Personal);
        leader.User.ShouldBe(TestPki.Chair);
        leader.SignerName.ShouldBe("Trần Minh Tuấn");
        leader.SigningTime.ShouldBe(TestPki.SigningAt);
        leader.ChainTrusted.ShouldBeTrue();
        leader.ValidAtSigningTime.ShouldBeTrue();
        leader.Integrity.ShouldBe(SignatureIntegrity.Intact);

        var seal = report.Signatures[1];
        seal.Kind.ShouldBe(SignatureKind.Organization);
        seal.Unit.ShouldBe(TestPki.Commune);
        seal.SignerName.ShouldBe("UBND xã Tân An");
    }

    [Fact]
    public void The_first_signature_covers_its_own_revision_and_the_second_covers_the_whole_file()
    {
        var report = TestPki.Verifier().Verify(Signed.Twice);

        report.Signatures[0].Revision.ShouldBe(2);
        report.Signatures[0].CoversWholeDocument.ShouldBeFalse();
        report.Signatures[0].CoveredLength.ShouldBe(Signed.Once.Length);
        report.Signatures[1].Revision.ShouldBe(3);
        report.Signatures[1].CoversWholeDocument.ShouldBeTrue();
        Signed.Twice.AsSpan(0, Signed.Once.Length).SequenceEqual(Signed.Once).ShouldBeTrue("an incremental update never rewrites earlier bytes");
    }

    [Theory]
    [InlineData(0.05)] // generator's revision: page content, fonts
    [InlineData(0.5)]
    [InlineData(0.999)] // the seal's xref section
    public void A_byte_changed_anywhere_in_a_signed_range_is_detected(double where)
    {
        var pdf = (byte[])Signed.Twice.Clone();
        var at = SignedOffset(pdf, where);
        pdf[at] ^= 0x01;

        var report = TestPki.Verifier().Verify(pdf);

        report.AllSignaturesValid.ShouldBeFalse();
        report.IsIntact.ShouldBeFalse();
        report.Signatures.ShouldContain(s => s.Integrity == SignatureIntegrity.Modified || s.Integrity == SignatureIntegrity.Malformed);
    }

    [Fact]
    public void Bytes_appended_after_the_last_signature_are_reported_as_unsigned_not_as_a_broken_signature()
    {
        byte[] pdf = [.. Signed.Twice, .. "1 0 obj\n<</Title(forged)>>\nendobj\n"u8.ToArray()];

        var report = TestPki.Verifier().Verify(pdf);

        report.AllSignaturesValid.ShouldBeTrue();
        report.UnsignedTrailingBytes.ShouldBe(pdf.Length - Signed.Twice.Length);
        report.IsIntact.ShouldBeFalse();
    }

    [Fact]
    public void A_document_without_signatures_is_not_intact()
    {
        var report = TestPki.Verifier().Verify(Samples.RenderBirthCertificate().Pdf);

        report.Signatures.ShouldBeEmpty();
        report.IsIntact.ShouldBeFalse();
    }

    [Fact]
    public void A_root_that_is_not_configured_is_not_trusted()
    {
        using var otherPki = DevelopmentPki.Create(TestPki.Created);
        var verifier = new PdfSignatureVerifier(TrustAnchors.Development(X509CertificateLoader.LoadCertificate(otherPki.Root.RawData)), TimeProvider.System);

        var report = verifier.Verify(Signed.Once);

        report.Signatures[0].Integrity.ShouldBe(SignatureIntegrity.Intact);
        report.Signatures[0].ChainTrusted.ShouldBeFalse();
        report.Signatures[0].IsValid.ShouldBeFalse();
    }

    [Fact]
    public async Task A_certificate_revoked_before_signing_makes_the_signature_invalid_and_an_unrevoked_one_reads_good()
    {
        var pki = TestPki.Pki;
        var revoked = pki.IssuePersonal(TestPki.Chair, "Trần Minh Tuấn");
        pki.Revoke(revoked, TestPki.Created.AddDays(2));
        var crl = CertificateRevocationList.Load(pki.BuildCrl(TestPki.SigningAt));
        var rendered = Samples.RenderBirthCertificate();
        var request = Engine.Signing.Pades.SignatureRequest.For(rendered.Area(Engine.Printing.Forms.SignatureFields.Leader)!);
        var service = TestPki.Service();
        var signedByRevoked = (await service.SignAsync(rendered.Pdf, new Engine.Signing.Signers.ServerKeySigner(revoked, [pki.IssuingCa]), request, TestContext.Current.CancellationToken)).Value!;
        var verifier = TestPki.Verifier(crl);

        var report = verifier.Verify(signedByRevoked);

        report.Signatures[0].Revocation.ShouldBe(RevocationStatus.Revoked);
        report.Signatures[0].IsValid.ShouldBeFalse();
        verifier.Verify(Signed.Twice)
            .Signatures.ShouldAllBe(s => s.Revocation == RevocationStatus.Good && s.IsValid);
    }

    private static int SignedOffset(byte[] pdf, double where)
    {
        var report = TestPki.Verifier().Verify(pdf);
        var range = report.Signatures[^1].ByteRange;
        var at = (int)(pdf.Length * where);
        return at >= range[1] && at < range[2] ? (int)range[2] + 1 : at;
    }
}
