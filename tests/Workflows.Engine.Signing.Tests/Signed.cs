using Workflows.Engine.Signing.Documents;
using Workflows.Engine.Signing.Documents.Forms;
using Workflows.Engine.Signing.Pades;

namespace Workflows.Engine.Signing.Tests;

/// <summary>The birth certificate signed by the chair (step 3), then sealed by the commune (step 4).</summary>
internal static class Signed
{
    private static readonly Lazy<(byte[] Once, byte[] Twice)> Shared = new(() =>
    {
        var rendered = Samples.RenderBirthCertificate();
        var once = SignLeader(rendered);
        var twice = SealUnit(rendered, once);
        return (once, twice);
    });

    public static byte[] Once => Shared.Value.Once;

    public static byte[] Twice => Shared.Value.Twice;

    public static byte[] SignLeader(RenderedDocument rendered, byte[]? pdf = null)
    {
        var request = SignatureRequest.For(rendered.Area(SignatureFields.Leader)!) with { ExpectedUser = TestPki.Chair, Reason = "Phê duyệt kết quả", Location = "Tân An" };
        var result = TestPki.Service().SignAsync(pdf ?? rendered.Pdf, TestPki.ChairSigner, request, CancellationToken.None).GetAwaiter().GetResult();
        result.Rejection.ShouldBeNull();
        return result.Value!;
    }

    public static byte[] SealUnit(RenderedDocument rendered, byte[] pdf)
    {
        var request = SignatureRequest.For(rendered.Area(SignatureFields.OrganizationSeal)!) with { ExpectedUnit = TestPki.Commune, Reason = "Ban hành kết quả" };
        var result = TestPki.Service().SignAsync(pdf, TestPki.CommuneSigner, request, CancellationToken.None).GetAwaiter().GetResult();
        result.Rejection.ShouldBeNull();
        return result.Value!;
    }
}
