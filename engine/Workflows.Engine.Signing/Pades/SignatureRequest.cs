using System.Collections.Immutable;
using Workflows.Engine.Identity;
using Workflows.Engine.Printing;

namespace Workflows.Engine.Signing.Pades;

/// <summary>
/// Which signature to add: its kind (checked against the certificate), the field it fills and where it sits.
/// <see cref="ExpectedUser"/>/<see cref="ExpectedUnit"/> bind it to the approving leader or the issuing unit.
/// </summary>
public sealed record SignatureRequest(SignatureKind Kind, string FieldName)
{
    public int PageIndex { get; init; }

    /// <summary>Where the widget goes (a <see cref="SignatureArea"/>'s rectangle); null for an invisible signature.</summary>
    public PdfRectangle? Rectangle { get; init; }

    /// <summary>
    /// Text this signature prints into slots the page left blank (the e-seal's register number and issue date,
    /// ADR 0022): each becomes a widget of this signature's field, added in its own revision, so earlier
    /// signatures stay valid and this one covers what it printed.
    /// </summary>
    public ImmutableArray<Inscription> Inscriptions { get; init; } = [];

    public string? Reason { get; init; }

    public string? Location { get; init; }

    public UserId? ExpectedUser { get; init; }

    public UnitId? ExpectedUnit { get; init; }

    public static SignatureRequest For(SignatureArea area) =>
        new(area.Kind, area.FieldName) { PageIndex = area.PageIndex, Rectangle = area.Rectangle };
}

/// <summary>A text a signature prints into a <see cref="TextSlot"/> (e.g. "1/2026/KS" after "Số:").</summary>
public sealed record Inscription(TextSlot Slot, string Text);
