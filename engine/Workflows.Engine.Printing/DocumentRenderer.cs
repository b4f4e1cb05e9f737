using System.Collections.Immutable;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Workflows.Engine.Printing;

/// <summary>
/// Lays out any <see cref="DocumentContent"/> on A4 in the shape of a Vietnamese administrative document
/// (Decree 30/2020: issuing unit and number top left, national motto top right, title, body, signature blocks)
/// and returns the PDF with the rectangles reserved for signatures.
/// </summary>
public static class DocumentRenderer
{
    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string NationalMotto = "Độc lập - Tự do - Hạnh phúc";

    private const string NumberPlaceholder = "........./.........";
    private const string DatePattern = "ngày 00 tháng 00 năm 0000";

    public static RenderedDocument Render(DocumentContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        EmbeddedFontResolver.EnsureRegistered();

        using var document = PdfGenerationLicense.NewDocument();
        // PAdES with ETSI.CAdES.detached needs PDF 1.7 (ISO 32000-1) at least.
        document.Version = 17;
        document.Options.CompressContentStreams = true;
        document.Info.Title = content.Title;
        document.Info.Creator = "Workflows";

        var areas = ImmutableArray.CreateBuilder<SignatureArea>();
        var slots = ImmutableArray.CreateBuilder<TextSlot>();
        using (var layout = new PageLayout(document))
        {
            DrawHeader(layout, content, slots);
            foreach (var block in content.Blocks)
            {
                switch (block)
                {
                    case ParagraphBlock paragraph:
                        layout.Paragraph(paragraph.Text, paragraph.Bold ? layout.Fonts.BodyBold : paragraph.Italic ? layout.Fonts.Italic : layout.Fonts.Body);
                        break;
                    case FieldsBlock fields:
                        DrawFields(layout, fields);
                        break;
                    case TableBlock table:
                        DrawTable(layout, table);
                        break;
                    default:
                        throw new NotSupportedException($"No layout for {block.GetType().Name}.");
                }
            }

            DrawSignatureBlocks(layout, content.SignatureBlocks, areas);
        }

        // Where the signature blocks are, for whoever signs later (the e-seal is applied to a stored revision, long
        // after this layout is gone): see RenderedDocument.AreasIn.
        document.Info.Elements.SetString(RenderedDocument.AreasKey, RenderedDocument.FormatAreas(areas));
        if (slots.Count > 0)
        {
            // Likewise the blanks the e-seal prints the number and issue date into (ADR 0022).
            document.Info.Elements.SetString(RenderedDocument.SlotsKey, RenderedDocument.FormatSlots(slots));
        }

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return new RenderedDocument(output.ToArray(), areas.ToImmutable()) { TextSlots = slots.ToImmutable() };
    }

    private static void DrawHeader(PageLayout layout, DocumentContent content, ImmutableArray<TextSlot>.Builder slots)
    {
        var fonts = layout.Fonts;
        var leftWidth = layout.ContentWidth * 0.40;
        var rightWidth = layout.ContentWidth - leftWidth;
        var top = layout.Y;

        // Left column: authority, unit, a short rule, the number.
        var y = top;
        if (content.ParentAuthority is { } parent)
        {
            y = layout.CenteredLines(parent.ToUpperInvariant(), fonts.Header, PageLayout.Left, leftWidth, y);
        }

        y = layout.CenteredLines(content.IssuingUnit.ToUpperInvariant(), fonts.HeaderBold, PageLayout.Left, leftWidth, y);
        layout.Rule(PageLayout.Left + (leftWidth * 0.3), PageLayout.Left + (leftWidth * 0.7), y + 2);
        if (content.DocumentNumber is null && content.IssuedBySeal is not null)
        {
            // Room for a long number ("12345/2026/QĐ-UBND"); the seal may write past the dots up to the column's edge.
            (y, var slot) = layout.SlotLine(TextSlots.Number, "Số:", fonts.Header, italic: false, PageLayout.Left, leftWidth, y + 6, layout.Measure(NumberPlaceholder, fonts.Header));
            slots.Add(slot);
        }
        else
        {
            y = layout.CenteredLines($"Số: {content.DocumentNumber ?? NumberPlaceholder}", fonts.Header, PageLayout.Left, leftWidth, y + 6);
        }

        var leftBottom = y;

        // Right column: national name, motto underlined, place and date.
        var right = PageLayout.Left + leftWidth;
        y = layout.CenteredLines(NationalName, layout.FitFont(NationalName, rightWidth, bold: true, 12), right, rightWidth, top);
        var mottoFont = fonts.MottoBold;
        var mottoWidth = layout.Measure(NationalMotto, mottoFont);
        y = layout.CenteredLines(NationalMotto, mottoFont, right, rightWidth, y);
        layout.Rule(right + ((rightWidth - mottoWidth) / 2), right + ((rightWidth + mottoWidth) / 2), y + 1);
        if (content.PlaceAndDate is { } placeAndDate)
        {
            y = layout.CenteredLines(placeAndDate, fonts.Italic, right, rightWidth, y + 8);
        }
        else if (content.IssuedBySeal is { } issue)
        {
            // Digits are equally wide in Noto Serif, so every date fills exactly this width.
            (y, var slot) = layout.SlotLine(TextSlots.IssueDate, issue.Place + ",", fonts.Italic, italic: true, right, rightWidth, y + 8, layout.Measure(DatePattern, fonts.Italic));
            slots.Add(slot);
        }

        layout.Y = Math.Max(leftBottom, y) + 22;
        layout.Y = layout.CenteredLines(content.Title.ToUpperInvariant(), fonts.Title, PageLayout.Left, layout.ContentWidth, layout.Y);
        if (content.Subtitle is { } subtitle)
        {
            layout.Y = layout.CenteredLines(subtitle, fonts.Italic, PageLayout.Left, layout.ContentWidth, layout.Y + 2);
        }

        layout.Y += 14;
    }

    private static void DrawFields(PageLayout layout, FieldsBlock block)
    {
        var labelWidth = layout.ContentWidth * 0.38;
        var valueWidth = layout.ContentWidth - labelWidth - 6;
        foreach (var field in block.Fields)
        {
            var label = layout.Wrap(field.Label + ":", layout.Fonts.Body, labelWidth);
            var value = layout.Wrap(field.Value, layout.Fonts.BodyBold, valueWidth);
            var height = Math.Max(label.Count, value.Count) * PageLayout.LineHeight(layout.Fonts.Body);
            layout.EnsureRoom(height);
            layout.Lines(label, layout.Fonts.Body, PageLayout.Left, layout.Y);
            layout.Lines(value, layout.Fonts.BodyBold, PageLayout.Left + labelWidth + 6, layout.Y);
            layout.Y += height + 2;
        }

        layout.Y += 6;
    }

    private static void DrawTable(PageLayout layout, TableBlock table)
    {
        var columns = table.Headers.Length;
        var weights = table.ColumnWeights.Length == columns ? table.ColumnWeights : [.. Enumerable.Repeat(1.0, columns)];
        var total = weights.Sum();
        var widths = weights.Select(w => layout.ContentWidth * w / total).ToArray();
        const double padding = 3;

        double RowHeight(IReadOnlyList<string> cells, XFont font) =>
            (cells.Select((c, i) => layout.Wrap(c, font, widths[i] - (2 * padding)).Count).DefaultIfEmpty(1).Max() * PageLayout.LineHeight(font)) + (2 * padding);

        void DrawRow(IReadOnlyList<string> cells, XFont font, bool shaded)
        {
            var height = RowHeight(cells, font);
            var x = PageLayout.Left;
            for (var i = 0; i < columns; i++)
            {
                var cell = i < cells.Count ? cells[i] : "";
                layout.Cell(x, layout.Y, widths[i], height, shaded);
                layout.Lines(layout.Wrap(cell, font, widths[i] - (2 * padding)), font, x + padding, layout.Y + padding);
                x += widths[i];
            }

            layout.Y += height;
        }

        var headerHeight = RowHeight(table.Headers, layout.Fonts.TableHeader);
        layout.EnsureRoom(headerHeight + RowHeight(table.Rows.FirstOrDefault(table.Headers), layout.Fonts.Table));
        DrawRow(table.Headers, layout.Fonts.TableHeader, shaded: true);
        foreach (var row in table.Rows)
        {
            if (layout.NewPageIfNeeded(RowHeight(row, layout.Fonts.Table)))
            {
                DrawRow(table.Headers, layout.Fonts.TableHeader, shaded: true);
            }

            DrawRow(row, layout.Fonts.Table, shaded: false);
        }

        layout.Y += 12;
    }

    private static void DrawSignatureBlocks(PageLayout layout, ImmutableArray<SignatureBlock> blocks, ImmutableArray<SignatureArea>.Builder areas)
    {
        if (blocks.IsEmpty)
        {
            return;
        }

        const double areaHeight = 72;
        var fonts = layout.Fonts;
        var columnWidth = layout.ContentWidth / Math.Max(blocks.Length, 2);
        var captionLines = blocks.Max(b => (b.Authority is null ? 0 : 1) + 1 + 1);
        var needed = (captionLines * PageLayout.LineHeight(fonts.BodyBold)) + areaHeight + (2 * PageLayout.LineHeight(fonts.BodyBold)) + 10;
        layout.EnsureRoom(needed);

        var top = layout.Y;
        var x = PageLayout.Left + layout.ContentWidth - (columnWidth * blocks.Length);
        foreach (var block in blocks)
        {
            var y = top;
            if (block.Authority is { } authority)
            {
                y = layout.CenteredLines(authority, fonts.BodyBold, x, columnWidth, y);
            }

            y = layout.CenteredLines(block.Caption, fonts.BodyBold, x, columnWidth, y);
            y = layout.CenteredLines(block.Kind == SignatureKind.Organization ? "(Ký số của cơ quan, tổ chức)" : "(Ký số, ghi rõ họ tên)", fonts.Italic, x, columnWidth, y);
            var signatureTop = top + (captionLines * PageLayout.LineHeight(fonts.BodyBold)) + 4;
            var areaLeft = x + 8;
            var areaWidth = columnWidth - 16;
            layout.DashedBox(areaLeft, signatureTop, areaWidth, areaHeight);
            if (block.SignerName is { } name)
            {
                layout.CenteredLines(name, fonts.BodyBold, x, columnWidth, signatureTop + areaHeight + 6);
            }

            areas.Add(new SignatureArea(
                block.FieldName,
                block.Kind,
                layout.PageIndex,
                // Rounded to what the PDF records (RenderedDocument.AreasIn), so a rectangle read back is the same one.
                new PdfRectangle(Math.Round(areaLeft, 2), Math.Round(layout.PageHeight - (signatureTop + areaHeight), 2), Math.Round(areaLeft + areaWidth, 2), Math.Round(layout.PageHeight - signatureTop, 2))));
            x += columnWidth;
        }

        layout.Y = top + needed;
    }
}
