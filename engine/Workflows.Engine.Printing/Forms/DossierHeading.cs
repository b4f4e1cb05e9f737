namespace Workflows.Engine.Printing.Forms;

/// <summary>What every form prints about the dossier and the unit that handles it.</summary>
/// <param name="IssuingUnit">"UBND xã Tân An".</param>
/// <param name="Place">The place name before the date, "Tân An".</param>
/// <param name="ReceiptNumber">The dossier's receipt number ("Mã hồ sơ"), e.g. "000.00.12.H56-250310-0001".</param>
public sealed record DossierHeading(string IssuingUnit, string Place, string ReceiptNumber, string ProcedureName, string ApplicantName)
{
    public string? ParentAuthority { get; init; }

    public string? ApplicantAddress { get; init; }

    public string? ApplicantPhone { get; init; }

    /// <summary>The header; a missing <paramref name="number"/> or <paramref name="date"/> is left for the e-seal when <paramref name="sealIssues"/>.</summary>
    internal DocumentContent Content(string title, DateOnly? date, string? number, bool sealIssues = false) =>
        new(IssuingUnit, title)
        {
            ParentAuthority = ParentAuthority,
            DocumentNumber = number,
            PlaceAndDate = date is { } day ? VietnameseText.PlaceAndDate(Place, day) : null,
            IssuedBySeal = sealIssues && (number is null || date is null) ? new IssuedBySeal(Place) : null,
        };

    internal DocumentField[] ApplicantFields() =>
    [
        new("Mã hồ sơ", ReceiptNumber),
        new("Thủ tục hành chính", ProcedureName),
        new("Tổ chức, cá nhân", ApplicantName),
        .. ApplicantAddress is null ? Array.Empty<DocumentField>() : [new DocumentField("Địa chỉ", ApplicantAddress)],
        .. ApplicantPhone is null ? Array.Empty<DocumentField>() : [new DocumentField("Số điện thoại", ApplicantPhone)],
    ];
}
