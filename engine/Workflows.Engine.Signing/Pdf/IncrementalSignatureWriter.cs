using System.Globalization;
using System.Text;
using Workflows.Engine.Printing;
using Workflows.Engine.Printing.Pdf;

namespace Workflows.Engine.Signing.Pdf;

/// <summary>
/// Appends one revision to a PDF (ISO 32000-1 §7.5.6): a signature dictionary with a /ByteRange and an empty /Contents,
/// a signature field that is also its widget, with its appearance and free-text annotations for what it prints into the
/// page's blanks, the appearance font unless an earlier revision brought it, the AcroForm, catalog and page objects that must now point at them,
/// and a cross-reference section chained to the previous one by /Prev. The original bytes are never touched, so
/// every earlier signature keeps covering exactly what it covered.
/// </summary>
internal static class IncrementalSignatureWriter
{
    // Fixed-width placeholder: the real numbers are written over it, padded with spaces, once offsets are known.
    private const string ByteRangePlaceholder = "[0 0000000000 0000000000 0000000000]";

    public static PreparedPdf Prepare(byte[] original, SignatureFieldRequest request)
    {
        var file = PdfFile.Open(original);
        var pages = file.PageReferences();
        foreach (var pageIndex in request.Inscriptions.Select(i => i.Slot.PageIndex).Prepend(request.PageIndex))
        {
            if (pageIndex < 0 || pageIndex >= pages.Count)
            {
                throw new InvalidPdfException($"The document has {pages.Count} page(s); there is no page {pageIndex + 1} to sign on.");
            }
        }

        var next = file.Size;
        var signature = new PdfReference(next++, 0);
        var field = new PdfReference(next++, 0);
        var changed = new SortedDictionary<int, string>();

        // The catalog's AcroForm lists the new field; it may be absent, inline, or its own object with /Fields inline or not.
        var catalog = file.ReadDictionary(file.Root);
        PdfDictionary acroForm;
        PdfReference? acroFormReference = null;
        switch (catalog["AcroForm"])
        {
            case PdfReference reference:
                acroFormReference = reference;
                acroForm = file.ReadDictionary(reference);
                break;
            case PdfDictionary inline:
                acroForm = inline;
                break;
            default:
                acroFormReference = new PdfReference(next++, 0);
                acroForm = new PdfDictionary();
                catalog["AcroForm"] = acroFormReference;
                changed[file.Root.Number] = catalog.ToString();
                break;
        }

        var fields = AppendTo(file, acroForm, "Fields", [field], changed, out var existingFields);
        foreach (var existingField in existingFields.OfType<PdfReference>())
        {
            if (file.Resolve(existingField) is PdfDictionary existing && existing["T"] is PdfVerbatim name
                && string.Equals(name.Text, PdfVerbatim.TextString(request.FieldName).Text, StringComparison.Ordinal))
            {
                throw new InvalidPdfException($"The document already has a signature field named \"{request.FieldName}\".");
            }
        }

        acroForm["Fields"] = fields;
        acroForm["SigFlags"] = new PdfNumber(3); // SignaturesExist | AppendOnly: viewers must save incrementally from now on
        var font = request.Rectangle is null && request.Inscriptions.IsEmpty ? null : WidgetFontFor(file, acroForm, ref next, changed);

        var fieldDictionary = new PdfDictionary
        {
            ["FT"] = new PdfName("Sig"),
            ["T"] = PdfVerbatim.TextString(request.FieldName),
            ["V"] = signature,
        };
        AddWidget(fieldDictionary, pages[request.PageIndex], request.Rectangle ?? default, AppearanceOf(request, font, ref next, changed));
        var annotations = new List<(PdfReference Reference, int PageIndex)> { (field, request.PageIndex) };

        // The text this signature prints into the page's blanks (ADR 0022): a locked free-text annotation each, in this
        // revision, so this signature covers it and the earlier ones stay valid. Not widgets of the signature field:
        // poppler's pdfsig takes each widget of a multi-widget signature field for an unsigned field of its own.
        foreach (var inscription in request.Inscriptions)
        {
            var annotation = new PdfReference(next++, 0);
            var appearance = new PdfReference(next++, 0);
            var slot = inscription.Slot;
            changed[appearance.Number] = SignatureAppearance.InscriptionStream(inscription, font!);
            changed[annotation.Number] = new PdfDictionary
            {
                ["Type"] = new PdfName("Annot"),
                ["Subtype"] = new PdfName("FreeText"),
                ["P"] = pages[slot.PageIndex],
                ["Rect"] = new PdfArray([Number(slot.Rectangle.Left), Number(slot.Rectangle.Bottom), Number(slot.Rectangle.Right), Number(slot.Rectangle.Top)]),
                ["Contents"] = PdfVerbatim.TextString(inscription.Text),
                ["NM"] = PdfVerbatim.TextString($"{request.FieldName}/{slot.Name}"),
                ["F"] = new PdfNumber(708), // Print | ReadOnly | Locked | LockedContents: nobody moves or edits it
                ["DA"] = new PdfVerbatim(string.Create(CultureInfo.InvariantCulture, $"(/{SignatureAppearance.FontResource} {Number(slot.FontSize)} Tf 0 g)")),
                ["AP"] = new PdfDictionary { ["N"] = appearance },
            }.ToString();
            annotations.Add((annotation, slot.PageIndex));
        }

        changed[field.Number] = fieldDictionary.ToString();
        foreach (var onPage in annotations.GroupBy(w => w.PageIndex))
        {
            var pageReference = pages[onPage.Key];
            var page = file.ReadDictionary(pageReference);
            page["Annots"] = AppendTo(file, page, "Annots", [.. onPage.Select(w => w.Reference)], changed, out _);
            changed[pageReference.Number] = page.ToString();
        }

        if (acroFormReference is { } acroFormObject)
        {
            changed[acroFormObject.Number] = acroForm.ToString();
        }
        else
        {
            changed[file.Root.Number] = catalog.ToString();
        }

        var contentsPlaceholder = "<" + new string('0', request.ContentsCapacity * 2) + ">";
        var signatureDictionary = new StringBuilder()
            .Append("<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached")
            .Append("/ByteRange").Append(ByteRangePlaceholder)
            .Append("/Contents").Append(contentsPlaceholder)
            .Append("/M").Append(PdfDate(request.SigningTime));
        AppendText(signatureDictionary, "Name", request.SignerName);
        AppendText(signatureDictionary, "Reason", request.Reason);
        AppendText(signatureDictionary, "Location", request.Location);
        changed[signature.Number] = signatureDictionary.Append(">>").ToString();

        return Write(original, file, changed, next);
    }

    private static void AddWidget(PdfDictionary widget, PdfReference page, PdfRectangle rectangle, PdfReference? appearance)
    {
        widget["Type"] = new PdfName("Annot");
        widget["Subtype"] = new PdfName("Widget");
        widget["P"] = page;
        widget["F"] = new PdfNumber(132); // Print | Locked
        widget["Rect"] = new PdfArray([Number(rectangle.Left), Number(rectangle.Bottom), Number(rectangle.Right), Number(rectangle.Top)]);
        if (appearance is not null)
        {
            widget["AP"] = new PdfDictionary { ["N"] = appearance };
        }
    }

    /// <summary>Who signed and when, framed over the printed signature block (ADR 0016); none for an invisible signature.</summary>
    private static PdfReference? AppearanceOf(SignatureFieldRequest request, PdfReference? font, ref int next, SortedDictionary<int, string> changed)
    {
        if (request.Rectangle is not { } rectangle)
        {
            return null;
        }

        var appearance = new PdfReference(next++, 0);
        changed[appearance.Number] = SignatureAppearance.BlockStream(rectangle.Right - rectangle.Left, rectangle.Top - rectangle.Bottom, request, font!);
        return appearance;
    }

    /// <summary>
    /// The appearances' font: the one an earlier signature of ours embedded and registered in the AcroForm's default
    /// resources (so a document carries it once), else embedded now and registered there when /DR can be extended in place.
    /// </summary>
    private static PdfReference WidgetFontFor(PdfFile file, PdfDictionary acroForm, ref int next, SortedDictionary<int, string> changed)
    {
        var widgetFont = WidgetFont.Instance;
        var resources = acroForm["DR"] is { } dr ? file.Resolve(dr) as PdfDictionary : null;
        var fonts = resources?["Font"] is { } f ? file.Resolve(f) as PdfDictionary : null;
        if (fonts?[SignatureAppearance.FontResource] is PdfReference registered
            && file.Resolve(registered) is PdfDictionary existing && existing.NameOf("BaseFont") == widgetFont.BaseFont)
        {
            return registered;
        }

        var first = next;
        next += widgetFont.Objects.Count;
        for (var i = 0; i < widgetFont.Objects.Count; i++)
        {
            changed[first + i] = widgetFont.Objects[i].Body(r => new PdfReference(first + r.Number, 0));
        }

        var font = new PdfReference(first, 0);
        if (acroForm["DR"] is null)
        {
            acroForm["DR"] = new PdfDictionary { ["Font"] = new PdfDictionary { [SignatureAppearance.FontResource] = font } };
        }
        else if (acroForm["DR"] is PdfDictionary inlineResources && inlineResources["Font"] is null or PdfDictionary)
        {
            var inlineFonts = inlineResources["Font"] as PdfDictionary ?? new PdfDictionary();
            inlineFonts[SignatureAppearance.FontResource] = font;
            inlineResources["Font"] = inlineFonts;
        }

        return font;
    }

    /// <summary>
    /// Adds <paramref name="items"/> to the array under <paramref name="key"/>; returns what the owner should now hold:
    /// the same reference when the array is its own object (that object is rewritten), else a new inline array.
    /// </summary>
    private static PdfValue AppendTo(PdfFile file, PdfDictionary owner, string key, List<PdfReference> items, SortedDictionary<int, string> changed, out List<PdfValue> existing)
    {
        switch (owner[key])
        {
            case PdfReference arrayReference when file.ReadObject(arrayReference) is PdfArray shared:
                existing = [.. shared.Items];
                changed[arrayReference.Number] = new PdfArray([.. shared.Items, .. items]).ToString();
                return arrayReference;
            case PdfArray inline:
                existing = [.. inline.Items];
                return new PdfArray([.. inline.Items, .. items]);
            default:
                existing = [];
                return new PdfArray([.. items]);
        }
    }

    private static PreparedPdf Write(byte[] original, PdfFile file, SortedDictionary<int, string> objects, int size)
    {
        var update = new StringBuilder();
        var last = original[^1];
        if (last is not ((byte)'\n' or (byte)'\r'))
        {
            update.Append('\n');
        }

        var offsets = new SortedDictionary<int, long>();
        foreach (var (number, body) in objects)
        {
            // Every body is Latin-1 text (font bytes included), one byte per character.
            offsets[number] = original.Length + update.Length;
            update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }

        var xrefOffset = original.Length + update.Length;
        update.Append("xref\n");
        foreach (var run in Runs(offsets.Keys))
        {
            update.Append(CultureInfo.InvariantCulture, $"{run[0]} {run.Count}\n");
            foreach (var number in run)
            {
                update.Append(CultureInfo.InvariantCulture, $"{offsets[number]:D10} 00000 n\r\n");
            }
        }

        var trailer = new PdfDictionary
        {
            ["Size"] = new PdfNumber(size),
            ["Root"] = file.Root,
        };
        foreach (var key in new[] { "Info", "ID" })
        {
            if (file.Trailer[key] is { } value)
            {
                trailer[key] = value;
            }
        }

        trailer["Prev"] = new PdfNumber(file.StartXref);
        update.Append("trailer\n").Append(trailer).Append(CultureInfo.InvariantCulture, $"\nstartxref\n{xrefOffset}\n%%EOF\n");

        var appended = Encoding.Latin1.GetBytes(update.ToString());
        var bytes = new byte[original.Length + appended.Length];
        original.CopyTo(bytes, 0);
        appended.CopyTo(bytes, original.Length);

        // Now that every offset is known, write the real /ByteRange over its placeholder.
        var rangeAt = original.Length + appended.AsSpan().IndexOf(Encoding.ASCII.GetBytes("/ByteRange" + ByteRangePlaceholder)) + "/ByteRange".Length;
        var contentsAt = rangeAt + ByteRangePlaceholder.Length + "/Contents".Length;
        var contentsLength = bytes.AsSpan(contentsAt).IndexOf((byte)'>') + 1;
        long[] byteRange = [0, contentsAt, contentsAt + contentsLength, bytes.Length - (contentsAt + contentsLength)];
        var rangeText = string.Create(CultureInfo.InvariantCulture, $"[{byteRange[0]} {byteRange[1]} {byteRange[2]} {byteRange[3]}").PadRight(ByteRangePlaceholder.Length - 1) + "]";
        Encoding.ASCII.GetBytes(rangeText).CopyTo(bytes, rangeAt);
        return new PreparedPdf(bytes, contentsAt, contentsLength, byteRange);
    }

    private static IEnumerable<List<int>> Runs(IEnumerable<int> numbers)
    {
        var run = new List<int>();
        foreach (var number in numbers)
        {
            if (run.Count > 0 && number != run[^1] + 1)
            {
                yield return run;
                run = [];
            }

            run.Add(number);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static PdfNumber Number(double value) => new(Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture));

    private static void AppendText(StringBuilder dictionary, string key, string? text)
    {
        if (text is not null)
        {
            dictionary.Append('/').Append(key).Append(PdfVerbatim.TextString(text).Text);
        }
    }

    private static string PdfDate(DateTimeOffset instant)
    {
        var offset = instant.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        return string.Create(CultureInfo.InvariantCulture, $"(D:{instant:yyyyMMddHHmmss}{sign}{Math.Abs(offset.Hours):00}'{Math.Abs(offset.Minutes):00}')");
    }
}
