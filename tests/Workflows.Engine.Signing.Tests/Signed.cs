using Workflows.Engine.Printing;
using Workflows.Engine.Printing.Forms;
using Workflows.Engine.Signing.Pades;

namespace Workflows.Engine.Signing.Tests;

/// <summary>
/// The birth certificate drafted without number and date, signed by the chair (step 3), then sealed by the commune
/// (step 4), the seal printing the register's number and the issue date into the blanks the draft left.
/// </summary>
internal static class Signed
{
    private static readonly Lazy<(RenderedDocument Draft, byte[] Once, byte[] Twice)> Shared = new(() =>
    {
        var rendered = Samples.RenderBirthCertificateDraft();
        var once = SignLeader(rendered);
        var twice = SealUnit(rendered, once, Samples.IssuedNumber);
        return (rendered, once, twice);
    });

    public static RenderedDocument Draft => Shared.Value.Draft;

    public static byte[] Once => Shared.Value.Once;

    public static byte[] Twice => Shared.Value.Twice;

    public static byte[] SignLeader(RenderedDocument rendered, byte[]? pdf = null)
    {
        var request = SignatureRequest.For(rendered.Area(SignatureFields.Leader)!) with { ExpectedUser = TestPki.Chair, Reason = "Phê duyệt kết quả", Location = "Tân An" };
        var result = TestPki.Service().SignAsync(pdf ?? rendered.Pdf, TestPki.ChairSigner, request, CancellationToken.None).GetAwaiter().GetResult();
        result.Rejection.ShouldBeNull();
        return result.Value!;
    }

    /// <summary>The e-seal; with a <paramref name="number"/>, also printed with the issue date into the draft's blanks.</summary>
    public static byte[] SealUnit(RenderedDocument rendered, byte[] pdf, string? number = null)
    {
        var request = SignatureRequest.For(rendered.Area(SignatureFields.OrganizationSeal)!) with
        {
            ExpectedUnit = TestPki.Commune,
            Reason = "Ban hành kết quả",
            Inscriptions = number is null ? [] :
            [
                new Inscription(rendered.Slot(TextSlots.Number)!, number),
                new Inscription(rendered.Slot(TextSlots.IssueDate)!, VietnameseText.DateLine(VietnameseText.LocalDate(TestPki.SigningAt))),
            ],
        };
        var result = TestPki.Service().SignAsync(pdf, TestPki.CommuneSigner, request, CancellationToken.None).GetAwaiter().GetResult();
        result.Rejection.ShouldBeNull();
        return result.Value!;
    }
}
