using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Workflows.Engine.Printing;

/// <summary>A cursor over A4 pages: where the next line goes, word wrapping, page breaks and a few drawing primitives.</summary>
internal sealed class PageLayout : IDisposable
{
    private const double MarginLeft = 85; // 30 mm, as Decree 30/2020 asks for administrative documents
    private const double MarginRight = 57; // 20 mm
    private const double MarginTop = 57;
    private const double MarginBottom = 57;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XPen RulePen = new(XColors.Black, 0.6);
    private static readonly XPen GridPen = new(XColors.Black, 0.5);
    private static readonly XPen DashPen = new(XColors.Gray, 0.5) { DashStyle = XDashStyle.Dash };
    private static readonly XPen DotPen = new(XColors.Black, 0.6) { DashStyle = XDashStyle.Dot };
    private static readonly XBrush HeaderShade = new XSolidBrush(XColor.FromArgb(235, 235, 235));

    private readonly PdfDocument document;
    private XGraphics graphics = null!;

    public PageLayout(PdfDocument document)
    {
        this.document = document;
        AddPage();
    }

    public DocumentFonts Fonts { get; } = new(
        Body: Font(12, XFontStyleEx.Regular),
        BodyBold: Font(12, XFontStyleEx.Bold),
        Italic: Font(12, XFontStyleEx.Italic),
        Header: Font(12, XFontStyleEx.Regular),
        HeaderBold: Font(12, XFontStyleEx.Bold),
        MottoBold: Font(12.5, XFontStyleEx.Bold),
        Title: Font(14, XFontStyleEx.Bold),
        Table: Font(10.5, XFontStyleEx.Regular),
        TableHeader: Font(10.5, XFontStyleEx.Bold));

    public double Y { get; set; }

    public int PageIndex { get; private set; } = -1;

    public static double Left => MarginLeft;

    public double PageHeight { get; private set; }

    public double ContentWidth { get; private set; }

    public static XFont Font(double size, XFontStyleEx style) => new(EmbeddedFontResolver.FamilyName, size, style, Unicode);

    public XFont FitFont(string text, double width, bool bold, double size)
    {
        var style = bold ? XFontStyleEx.Bold : XFontStyleEx.Regular;
        var font = Font(size, style);
        while (Measure(text, font) > width && size > 8)
        {
            size -= 0.5;
            font = Font(size, style);
        }

        return font;
    }

    public double Measure(string text, XFont font) => graphics.MeasureString(text, font).Width;

    public static double LineHeight(XFont font) => font.Size * 1.35;

    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Measure(candidate, font) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                // A word wider than the column (a long number, a URL) is cut where it must be.
                while (Measure(line, font) > width && line.Length > 1)
                {
                    var cut = line.Length - 1;
                    while (cut > 1 && Measure(line[..cut], font) > width)
                    {
                        cut--;
                    }

                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    public void Lines(IEnumerable<string> lines, XFont font, double x, double y)
    {
        foreach (var line in lines)
        {
            graphics.DrawString(line, font, XBrushes.Black, x, y, XStringFormats.TopLeft);
            y += LineHeight(font);
        }
    }

    /// <summary>Draws wrapped, centred text in a column; returns the y below it.</summary>
    public double CenteredLines(string text, XFont font, double x, double width, double y)
    {
        foreach (var line in Wrap(text, font, width))
        {
            var lineWidth = Measure(line, font);
            graphics.DrawString(line, font, XBrushes.Black, x + ((width - lineWidth) / 2), y, XStringFormats.TopLeft);
            y += LineHeight(font);
        }

        return y;
    }

    /// <summary>
    /// Draws <paramref name="prefix"/> and a dotted blank <paramref name="blankWidth"/> wide after it, centred in a column
    /// (the blank on a line of its own when both do not fit), and returns the y below and the blank as a
    /// <see cref="TextSlot"/> reaching to the column's edge, on the baseline the prefix sits on.
    /// </summary>
    public (double Below, TextSlot Slot) SlotLine(string name, string prefix, XFont font, bool italic, double x, double width, double y, double blankWidth)
    {
        var prefixWidth = Measure(prefix, font) + (Measure("a b", font) - Measure("ab", font));
        if (prefixWidth + blankWidth > width)
        {
            y = CenteredLines(prefix, font, x, width, y);
            prefix = "";
            prefixWidth = 0;
        }

        var metrics = WidgetFont.Instance;
        var ascent = metrics.Ascent * font.Size;
        var descent = metrics.Descent * font.Size;
        var left = x + ((width - prefixWidth - blankWidth) / 2);
        var baseline = y + ascent;
        if (prefix.Length > 0)
        {
            graphics.DrawString(prefix, font, XBrushes.Black, left, baseline, XStringFormats.BaseLineLeft);
        }

        var blankLeft = left + prefixWidth;
        graphics.DrawLine(DotPen, blankLeft, baseline + 1, blankLeft + blankWidth, baseline + 1);
        var slot = new TextSlot(
            name,
            PageIndex,
            new PdfRectangle(Round(blankLeft), Round(PageHeight - (baseline + descent)), Round(x + width), Round(PageHeight - (baseline - ascent))),
            Round(PageHeight - baseline),
            font.Size,
            italic);
        return (y + LineHeight(font), slot);
    }

    public void Paragraph(string text, XFont font)
    {
        foreach (var line in Wrap(text, font, ContentWidth))
        {
            EnsureRoom(LineHeight(font));
            Lines([line], font, Left, Y);
            Y += LineHeight(font);
        }

        Y += 4;
    }

    public void Rule(double fromX, double toX, double y) => graphics.DrawLine(RulePen, fromX, y, toX, y);

    public void Cell(double x, double y, double width, double height, bool shaded)
    {
        if (shaded)
        {
            graphics.DrawRectangle(GridPen, HeaderShade, x, y, width, height);
        }
        else
        {
            graphics.DrawRectangle(GridPen, x, y, width, height);
        }
    }

    public void DashedBox(double x, double y, double width, double height) => graphics.DrawRectangle(DashPen, x, y, width, height);

    public void EnsureRoom(double height) => NewPageIfNeeded(height);

    /// <summary>Starts a new page when <paramref name="height"/> does not fit on this one; says whether it did.</summary>
    public bool NewPageIfNeeded(double height)
    {
        if (Y + height <= PageHeight - MarginBottom)
        {
            return false;
        }

        AddPage();
        return true;
    }

    public void Dispose() => graphics.Dispose();

    // What the PDF records (RenderedDocument), so a slot read back is the same one.
    private static double Round(double value) => Math.Round(value, 2);

    private void AddPage()
    {
        graphics?.Dispose();
        var page = document.AddPage();
        page.Size = PageSize.A4;
        graphics = XGraphics.FromPdfPage(page);
        PageHeight = page.Height.Point;
        ContentWidth = page.Width.Point - MarginLeft - MarginRight;
        PageIndex++;
        Y = MarginTop;
    }
}

internal sealed record DocumentFonts(XFont Body, XFont BodyBold, XFont Italic, XFont Header, XFont HeaderBold, XFont MottoBold, XFont Title, XFont Table, XFont TableHeader);
