using System.Collections.Immutable;
using System.Globalization;
using Workflows.Engine.Signing.Pdf;

namespace Workflows.Engine.Signing.Documents;

/// <summary>A generated PDF and where its signature areas landed, so signature widgets can be placed over them.</summary>
public sealed record RenderedDocument(byte[] Pdf, ImmutableArray<SignatureArea> SignatureAreas)
{
    public SignatureArea? Area(string fieldName) =>
        SignatureAreas.FirstOrDefault(a => string.Equals(a.FieldName, fieldName, StringComparison.Ordinal));

    /// <summary>The document information entry our renderer records the signature areas in (ASCII, one per ';').</summary>
    internal const string AreasKey = "/WorkflowsSignatureAreas";

    /// <summary>
    /// The signature areas a PDF we rendered records in its document information, read back from any later revision
    /// (incremental updates carry /Info over). Empty for a PDF from elsewhere or a damaged one: its signatures are
    /// then invisible, never misplaced.
    /// </summary>
    public static ImmutableArray<SignatureArea> AreasIn(byte[] pdf)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        try
        {
            var file = PdfFile.Open(pdf);
            if (file.Trailer["Info"] is not PdfReference info || file.ReadDictionary(info)[AreasKey[1..]] is not PdfVerbatim { Text: ['(', .., ')'] text })
            {
                return [];
            }

            var areas = ImmutableArray.CreateBuilder<SignatureArea>();
            foreach (var entry in text[1..^1].Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                var parts = entry.Split(' ');
                if (parts.Length == 7 && Enum.TryParse<SignatureKind>(parts[1], out var kind) && int.TryParse(parts[2], CultureInfo.InvariantCulture, out var page)
                    && parts[3..].Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN).ToArray() is [var l, var b, var r, var t]
                    && !double.IsNaN(l + b + r + t))
                {
                    areas.Add(new SignatureArea(parts[0], kind, page, new PdfRectangle(l, b, r, t)));
                }
            }

            return areas.ToImmutable();
        }
        catch (InvalidPdfException)
        {
            return [];
        }
    }

    internal static string FormatAreas(IEnumerable<SignatureArea> areas) => string.Join(';', areas.Select(a => string.Create(
        CultureInfo.InvariantCulture,
        $"{a.FieldName} {a.Kind} {a.PageIndex} {a.Rectangle.Left:0.##} {a.Rectangle.Bottom:0.##} {a.Rectangle.Right:0.##} {a.Rectangle.Top:0.##}")));
}

/// <summary>A rectangle on a page in PDF user space (points, origin bottom-left), as a widget's /Rect wants it.</summary>
public sealed record SignatureArea(string FieldName, SignatureKind Kind, int PageIndex, PdfRectangle Rectangle);

public readonly record struct PdfRectangle(double Left, double Bottom, double Right, double Top);
