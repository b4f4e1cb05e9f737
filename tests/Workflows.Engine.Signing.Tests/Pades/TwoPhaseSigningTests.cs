using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.Printing.Forms;
using Workflows.Engine.Signing.Certificates;
using Workflows.Engine.Signing.Cms;
using Workflows.Engine.Signing.Pades;
using Workflows.Engine.Signing.Verification;

namespace Workflows.Engine.Signing.Tests.Pades;

/// <summary>A USB token (here: a key the test holds, never given to the service) signs what the server prepared.</summary>
public class TwoPhaseSigningTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private readonly FakeTimeProvider time = new(TestPki.SigningAt);
    private readonly PdfSigningService service;

    public TwoPhaseSigningTests() => service = TestPki.Service(time);

    [Fact]
    public async Task A_token_signing_the_digest_completes_a_valid_personal_signature()
    {
        var session = await Prepare();

        var signed = await service.CompleteAsync(session.Id, Token.SignDigest(session.DigestToSign), None);

        signed.Rejection.ShouldBeNull();
        var report = TestPki.Verifier().Verify(signed.Value!);
        report.IsIntact.ShouldBeTrue(string.Join("\n", report.Signatures.SelectMany(s => s.Problems)));
        report.Signatures[0].User.ShouldBe(TestPki.Chair);
    }

    [Fact]
    public async Task The_digest_to_sign_is_the_SHA_256_of_the_signed_attributes()
    {
        var session = await Prepare();

        session.DigestToSign.ShouldBe(SHA256.HashData(session.SignedAttributes));
        session.DocumentDigest.Length.ShouldBe(32);
    }

    [Fact]
    public async Task A_complete_CMS_from_a_remote_signing_service_is_embedded_as_is()
    {
        var session = await Prepare();
        var cms = CmsSignatureBuilder.SignedData(session.SignedAttributes, Token.SignDigest(session.DigestToSign), Token.Public, [TestPki.Pki.IssuingCa]);

        var signed = await service.CompleteAsync(session.Id, cms, None);

        signed.Rejection.ShouldBeNull();
        TestPki.Verifier().Verify(signed.Value!).IsIntact.ShouldBeTrue();
    }

    [Fact]
    public async Task A_signature_over_another_sessions_digest_is_refused()
    {
        var first = await Prepare();
        var second = await Prepare();

        var result = await service.CompleteAsync(second.Id, Token.SignDigest(first.DigestToSign), None);

        result.Rejection!.Code.ShouldBe(SigningRejectionCodes.SignatureMismatch);
    }

    [Fact]
    public async Task A_CMS_over_another_document_digest_is_refused()
    {
        var first = await Prepare();
        var second = await Prepare();
        var cmsForFirst = CmsSignatureBuilder.SignedData(first.SignedAttributes, Token.SignDigest(first.DigestToSign), Token.Public, []);

        var result = await service.CompleteAsync(second.Id, cmsForFirst, None);

        result.Rejection!.Code.ShouldBe(SigningRejectionCodes.DigestMismatch);
    }

    [Fact]
    public async Task A_replayed_completion_is_refused()
    {
        var session = await Prepare();
        var signature = Token.SignDigest(session.DigestToSign);
        (await service.CompleteAsync(session.Id, signature, None)).Succeeded.ShouldBeTrue();

        var replay = await service.CompleteAsync(session.Id, signature, None);

        replay.Rejection!.Code.ShouldBe(SigningRejectionCodes.SessionNotFound);
    }

    [Fact]
    public async Task A_completion_after_the_session_lifetime_is_refused()
    {
        var session = await Prepare();
        time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var late = await service.CompleteAsync(session.Id, Token.SignDigest(session.DigestToSign), None);

        late.Rejection!.Code.ShouldBe(SigningRejectionCodes.SessionExpired);
    }

    [Fact]
    public async Task An_ECDSA_token_returning_r_and_s_concatenated_is_accepted()
    {
        var pki = TestPki.Pki;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=Trần Minh Tuấn, UID=chair-tuan, OU=DEV ONLY - NOT FOR PRODUCTION, C=VN", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509Extension("2.5.29.32", [0x30, .. PolicySequence(CertificateProfile.DevPersonalPolicy)], false));
        using var issuerKey = pki.IssuingCa.GetRSAPrivateKey()!;
        using var certificate = request.Create(pki.IssuingCa.SubjectName, X509SignatureGenerator.CreateForRSA(issuerKey, RSASignaturePadding.Pkcs1), TestPki.Created, TestPki.Created.AddYears(1), [0x01, 0x02]);
        var rendered = Samples.RenderBirthCertificate();
        var session = (await service.PrepareAsync(rendered.Pdf, certificate, [pki.IssuingCa], SignatureRequest.For(rendered.Area(SignatureFields.Leader)!), None)).Value!;
        // ECDSA signatures are randomized: keep signing until r or s starts with a zero byte, the case DER
        // encodes shorter (it failed about once in 64 runs before it was handled). Any other signature is easier.
        byte[] p1363;
        do
        {
            p1363 = key.SignHash(session.DigestToSign, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        while (p1363[0] != 0 && p1363[p1363.Length / 2] != 0);

        var signed = await service.CompleteAsync(session.Id, p1363, None);

        signed.Rejection.ShouldBeNull();
        var report = TestPki.Verifier().Verify(signed.Value!);
        report.IsIntact.ShouldBeTrue(string.Join("\n", report.Signatures.SelectMany(s => s.Problems)));
    }

    private static byte[] PolicySequence(string oid)
    {
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
        }

        var policy = writer.Encode();
        return [(byte)policy.Length, .. policy];
    }

    private async Task<SigningSession> Prepare()
    {
        var rendered = Samples.RenderBirthCertificate();
        var request = SignatureRequest.For(rendered.Area(SignatureFields.Leader)!) with { ExpectedUser = TestPki.Chair };
        var prepared = await service.PrepareAsync(rendered.Pdf, Token.Public, [TestPki.Pki.IssuingCa], request, None);
        prepared.Rejection.ShouldBeNull();
        return prepared.Value!;
    }

    /// <summary>Plays the USB token: holds the chair's key and signs a SHA-256 digest (PKCS#1 v1.5), nothing else.</summary>
    private static class Token
    {
        public static X509Certificate2 Public { get; } = X509CertificateLoader.LoadCertificate(TestPki.ChairWithKey.RawData);

        public static byte[] SignDigest(byte[] digest)
        {
            using var rsa = TestPki.ChairWithKey.GetRSAPrivateKey()!;
            return rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
    }
}
