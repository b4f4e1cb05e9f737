using System.Collections.Immutable;
using Workflows.Engine.Printing;
using Workflows.Engine.Printing.Forms;

namespace Workflows.Engine.Signing.Tests;

/// <summary>A birth registration at the commune, the running example of the domain notes.</summary>
internal static class Samples
{
    public static readonly DateTimeOffset ReceivedAt = new(2025, 3, 10, 10, 0, 0, TimeSpan.FromHours(7));

    public static readonly DossierHeading Dossier = new("UBND xã Tân An", "Tân An", "000.00.12.H56-250310-0001", "Đăng ký khai sinh", "Nguyễn Thị Hồng")
    {
        ParentAuthority = "UBND tỉnh Tây Ninh",
        ApplicantAddress = "Ấp Bình Hòa, xã Tân An, tỉnh Tây Ninh",
        ApplicantPhone = "0912 345 678",
    };

    public static ResultDocument BirthCertificate() => new(
        Dossier,
        "Giấy khai sinh",
        new DateOnly(2025, 3, 10),
        [
            new("Họ, chữ đệm, tên", "Nguyễn Minh Khôi"),
            new("Ngày, tháng, năm sinh", "02/03/2025 (Ngày hai, tháng ba, năm hai nghìn không trăm hai mươi lăm)"),
            new("Giới tính", "Nam"),
            new("Dân tộc", "Kinh"),
            new("Quốc tịch", "Việt Nam"),
            new("Nơi sinh", "Bệnh viện Đa khoa tỉnh Tây Ninh"),
            new("Họ, chữ đệm, tên người mẹ", "Nguyễn Thị Hồng"),
            new("Họ, chữ đệm, tên người cha", "Lê Văn Đức"),
        ])
    {
        DocumentNumber = "125/2025/GKS",
        LeaderName = "Trần Minh Tuấn",
    };

    public static RenderedDocument RenderBirthCertificate() => DocumentRenderer.Render(BirthCertificate().ToContent());

    /// <summary>The certificate as the leader signs it: no number, no date yet; the commune's e-seal prints both (ADR 0022).</summary>
    public static RenderedDocument RenderBirthCertificateDraft() =>
        DocumentRenderer.Render((BirthCertificate() with { DocumentNumber = null, IssuedOn = null }).ToContent());

    /// <summary>What the register gives the sealed certificate.</summary>
    public const string IssuedNumber = "125/2025/GKS";

    public static ImmutableArray<SubmittedComponent> Components =>
    [
        new("Tờ khai đăng ký khai sinh", "Bản chính", 1),
        new("Giấy chứng sinh", "Bản chính", 1),
    ];
}
