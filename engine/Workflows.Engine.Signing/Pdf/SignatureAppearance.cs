using System.Globalization;
using System.Text;
using Workflows.Engine.Printing;
using Workflows.Engine.Printing.Pdf;
using Workflows.Engine.Signing.Pades;

namespace Workflows.Engine.Signing.Pdf;

/// <summary>
/// Normal appearances of a signature's widgets (ADR 0022): the frame over the printed signature block with who signed,
/// when (UTC+07:00), why and where; and the text an e-seal prints into a slot the page left blank (its register
/// number, its issue date), on the baseline and in the size and style of the line it completes. Both are written in
/// the page's Noto Serif (<see cref="WidgetFont"/>), so Vietnamese keeps its diacritics and text extraction reads it.
/// </summary>
internal static class SignatureAppearance
{
    /// <summary>The font's resource name in each appearance and in the AcroForm's default resources (/DR).</summary>
    public const string FontResource = "WorkflowsSerif";

    private const double FontSize = 7.5;
    private const double Leading = 9.5;
    private const double Padding = 4;

    // The slant of PDFsharp's simulated italic, which the page's date line is drawn with.
    private const double ItalicSlant = 0.342;

    public static string BlockStream(double width, double height, SignatureFieldRequest request, PdfReference font)
    {
        var glyphs = WidgetFont.Instance;
        var maxLines = Math.Max(1, (int)((height - (2 * Padding)) / Leading));
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"q 0.05 0.25 0.6 RG 0.8 w 0.4 0.4 {Number(width - 0.8)} {Number(height - 0.8)} re S Q\n")
            .Append(CultureInfo.InvariantCulture, $"BT 0.05 0.25 0.6 rg /{FontResource} {Number(FontSize)} Tf {Number(Leading)} TL {Number(Padding)} {Number(height - Padding - FontSize)} Td\n");
        foreach (var line in Lines(request).Take(maxLines))
        {
            text.Append(glyphs.Hex(Fit(line, width - (2 * Padding)))).Append(" Tj T*\n");
        }

        return Stream(width, height, font, text.Append("ET").ToString());
    }

    /// <summary>
    /// White over the slot's dotted blank, then the text from the slot's left edge on the line's baseline. The text
    /// is clipped to the slot (the bounding box) should a number be longer than the column.
    /// </summary>
    public static string InscriptionStream(Inscription inscription, PdfReference font)
    {
        var slot = inscription.Slot;
        var width = slot.Rectangle.Right - slot.Rectangle.Left;
        var height = slot.Rectangle.Top - slot.Rectangle.Bottom;
        var content = string.Create(
            CultureInfo.InvariantCulture,
            $"q 1 g 0 0 {Number(width)} {Number(height)} re f Q\nBT 0 g /{FontResource} {Number(slot.FontSize)} Tf 1 0 {(slot.Italic ? Number(ItalicSlant) : "0")} 1 0 {Number(slot.Baseline - slot.Rectangle.Bottom)} Tm {WidgetFont.Instance.Hex(inscription.Text)} Tj ET");
        return Stream(width, height, font, content);
    }

    public static IReadOnlyList<string> Lines(SignatureFieldRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var local = request.SigningTime.ToOffset(TimeSpan.FromHours(7));
        var lines = new List<string>
        {
            "Ký số bởi: " + (request.SignerName ?? "(không rõ)"),
            string.Create(CultureInfo.InvariantCulture, $"Thời gian ký: {local:dd/MM/yyyy HH:mm:ss} +07:00"),
        };
        if (request.Reason is { } reason)
        {
            lines.Add("Lý do: " + reason);
        }

        if (request.Location is { } location)
        {
            lines.Add("Nơi ký: " + location);
        }

        return lines;
    }

    /// <summary>The line, cut with "..." where it would leave the frame.</summary>
    private static string Fit(string line, double width)
    {
        var glyphs = WidgetFont.Instance;
        line = glyphs.Printable(line);
        if (glyphs.Width(line, FontSize) <= width)
        {
            return line;
        }

        var cut = line.Length;
        while (cut > 1 && glyphs.Width(line[..cut] + "...", FontSize) > width)
        {
            cut--;
        }

        return line[..cut] + "...";
    }

    private static string Stream(double width, double height, PdfReference font, string content) => string.Create(
        CultureInfo.InvariantCulture,
        $"<</Type/XObject/Subtype/Form/BBox[0 0 {Number(width)} {Number(height)}]/Resources<</Font<</{FontResource} {font}>>>>/Length {content.Length}>>stream\n{content}\nendstream");

    private static string Number(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);
}
