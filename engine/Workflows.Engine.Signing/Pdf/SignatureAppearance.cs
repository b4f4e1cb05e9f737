using System.Globalization;
using System.Text;

namespace Workflows.Engine.Signing.Pdf;

/// <summary>
/// The normal appearance of a visible signature widget: a frame over the printed signature block with who signed,
/// when (UTC+07:00) and why. It is drawn with the standard Helvetica font, which every viewer has and which adds no
/// font program to each signature revision; Helvetica's WinAnsi encoding has no Vietnamese letters, so the widget
/// shows the text without diacritics. The page itself prints the name in full with the embedded Noto Serif.
/// </summary>
internal static class SignatureAppearance
{
    private const double FontSize = 7.5;
    private const double Leading = 9.5;
    private const double Padding = 4;

    /// <summary>The appearance stream object (dictionary and content) for a widget of the given size.</summary>
    public static string StreamObject(double width, double height, SignatureFieldRequest request)
    {
        var content = Content(width, height, request);
        return string.Create(CultureInfo.InvariantCulture, $"<</Type/XObject/Subtype/Form/BBox[0 0 {Number(width)} {Number(height)}]/Resources<</Font<</Helv<</Type/Font/Subtype/Type1/BaseFont/Helvetica/Encoding/WinAnsiEncoding>>>>>>/Length {content.Length}>>stream\n{content}\nendstream");
    }

    public static IReadOnlyList<string> Lines(SignatureFieldRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var local = request.SigningTime.ToOffset(TimeSpan.FromHours(7));
        var lines = new List<string>
        {
            "Ky so boi: " + Ascii(request.SignerName ?? "(khong ro)"),
            string.Create(CultureInfo.InvariantCulture, $"Thoi gian ky: {local:dd/MM/yyyy HH:mm:ss} +07:00"),
        };
        if (request.Reason is { } reason)
        {
            lines.Add("Ly do: " + Ascii(reason));
        }

        if (request.Location is { } location)
        {
            lines.Add("Noi ky: " + Ascii(location));
        }

        return lines;
    }

    private static string Content(double width, double height, SignatureFieldRequest request)
    {
        // Helvetica averages about half an em per character; longer lines are cut so text never leaves the frame.
        var maxChars = Math.Max(8, (int)((width - (2 * Padding)) / (FontSize * 0.52)));
        var maxLines = Math.Max(1, (int)((height - (2 * Padding)) / Leading));
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"q 0.05 0.25 0.6 RG 0.8 w 0.4 0.4 {Number(width - 0.8)} {Number(height - 0.8)} re S Q\n")
            .Append(CultureInfo.InvariantCulture, $"BT 0.05 0.25 0.6 rg /Helv {Number(FontSize)} Tf {Number(Leading)} TL {Number(Padding)} {Number(height - Padding - FontSize)} Td\n");
        foreach (var line in Lines(request).Take(maxLines))
        {
            var fitted = line.Length <= maxChars ? line : line[..(maxChars - 3)] + "...";
            text.Append('(').Append(Escape(fitted)).Append(") Tj T*\n");
        }

        return text.Append("ET").ToString();
    }

    /// <summary>Vietnamese without diacritics (Trần → Tran, Đức → Duc), printable ASCII only.</summary>
    public static string Ascii(string text)
    {
        var decomposed = text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            result.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return result.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);

    private static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
