using System.Collections.Immutable;
using System.Globalization;
using Workflows.Engine.Printing.Pdf;

namespace Workflows.Engine.Printing;

/// <summary>
/// A generated PDF and where its signature areas landed, so signature widgets can be placed over them, and the slots
/// left for the number and issue date the e-seal prints (ADR 0022).
/// </summary>
public sealed record RenderedDocument(byte[] Pdf, ImmutableArray<SignatureArea> SignatureAreas)
{
    /// <summary>The document information entry our renderer records the signature areas in (ASCII, one per ';').</summary>
    internal const string AreasKey = "/WorkflowsSignatureAreas";

    /// <summary>The document information entry our renderer records the text slots in (ASCII, one per ';').</summary>
    internal const string SlotsKey = "/WorkflowsTextSlots";

    public ImmutableArray<TextSlot> TextSlots { get; init; } = [];

    public SignatureArea? Area(string fieldName) =>
        SignatureAreas.FirstOrDefault(a => string.Equals(a.FieldName, fieldName, StringComparison.Ordinal));

    public TextSlot? Slot(string name) => TextSlots.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal));

    /// <summary>
    /// The text slots a PDF we rendered records in its document information, read back from any later revision.
    /// Empty for a PDF from elsewhere, one rendered before slots existed, or a damaged one: nothing is then printed.
    /// </summary>
    public static ImmutableArray<TextSlot> SlotsIn(byte[] pdf)
    {
        var slots = ImmutableArray.CreateBuilder<TextSlot>();
        foreach (var parts in Entries(pdf, SlotsKey))
        {
            if (parts.Length == 9 && int.TryParse(parts[1], CultureInfo.InvariantCulture, out var page) && parts[8] is "regular" or "italic"
                && Numbers(parts[2..8]) is [var l, var b, var r, var t, var baseline, var size])
            {
                slots.Add(new TextSlot(parts[0], page, new PdfRectangle(l, b, r, t), baseline, size, parts[8] == "italic"));
            }
        }

        return slots.ToImmutable();
    }

    internal static string FormatSlots(IEnumerable<TextSlot> slots) => string.Join(';', slots.Select(s => string.Create(
        CultureInfo.InvariantCulture,
        $"{s.Name} {s.PageIndex} {s.Rectangle.Left:0.##} {s.Rectangle.Bottom:0.##} {s.Rectangle.Right:0.##} {s.Rectangle.Top:0.##} {s.Baseline:0.##} {s.FontSize:0.##} {(s.Italic ? "italic" : "regular")}")));

    private static double[]? Numbers(string[] parts)
    {
        var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray();
        return numbers.Any(double.IsNaN) ? null : numbers;
    }

    /// <summary>The space-separated parts of each ';'-separated entry of one of our document information strings.</summary>
    private static IEnumerable<string[]> Entries(byte[] pdf, string key)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        string text;
        try
        {
            var file = PdfFile.Open(pdf);
            if (file.Trailer["Info"] is not PdfReference info || file.ReadDictionary(info)[key[1..]] is not PdfVerbatim { Text: ['(', .., ')'] value })
            {
                return [];
            }

            text = value;
        }
        catch (InvalidPdfException)
        {
            return [];
        }

        return text[1..^1].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split(' '));
    }

    /// <summary>
    /// The signature areas a PDF we rendered records in its document information, read back from any later revision
    /// (incremental updates carry /Info over). Empty for a PDF from elsewhere or a damaged one: its signatures are
    /// then invisible, never misplaced.
    /// </summary>
    public static ImmutableArray<SignatureArea> AreasIn(byte[] pdf)
    {
        var areas = ImmutableArray.CreateBuilder<SignatureArea>();
        foreach (var parts in Entries(pdf, AreasKey))
        {
            if (parts.Length == 7 && Enum.TryParse<SignatureKind>(parts[1], out var kind) && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var page)
                && Numbers(parts[3..]) is [var l, var b, var r, var t])
            {
                areas.Add(new SignatureArea(parts[0], kind, page, new PdfRectangle(l, b, r, t)));
            }
        }

        return areas.ToImmutable();
    }

    internal static string FormatAreas(IEnumerable<SignatureArea> areas) => string.Join(';', areas.Select(a => string.Create(
        CultureInfo.InvariantCulture,
        $"{a.FieldName} {a.Kind} {a.PageIndex} {a.Rectangle.Left:0.##} {a.Rectangle.Bottom:0.##} {a.Rectangle.Right:0.##} {a.Rectangle.Top:0.##}")));
}

/// <summary>A rectangle on a page in PDF user space (points, origin bottom-left), as a widget's /Rect wants it.</summary>
public sealed record SignatureArea(string FieldName, SignatureKind Kind, int PageIndex, PdfRectangle Rectangle);

public readonly record struct PdfRectangle(double Left, double Bottom, double Right, double Top);

/// <summary>
/// Where the e-seal prints a text the leader's page leaves blank (the register number after "Số:", the issue date
/// after the place): a rectangle in PDF user space covering the blank, the baseline the page's own text of that line
/// sits on, and its font size and style, so the printed text reads as part of the line.
/// </summary>
public sealed record TextSlot(string Name, int PageIndex, PdfRectangle Rectangle, double Baseline, double FontSize, bool Italic);

/// <summary>The slots a result leaves for the e-seal.</summary>
public static class TextSlots
{
    /// <summary>After "Số:" in the header's left column.</summary>
    public const string Number = "number";

    /// <summary>After the place in the header's right column: "ngày … tháng … năm …".</summary>
    public const string IssueDate = "issue-date";
}
