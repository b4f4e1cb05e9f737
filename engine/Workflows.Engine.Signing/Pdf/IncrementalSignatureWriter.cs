using System.Globalization;
using System.Text;

namespace Workflows.Engine.Signing.Pdf;

/// <summary>
/// Appends one revision to a PDF (ISO 32000-1 §7.5.6): a signature dictionary with a /ByteRange and an empty /Contents,
/// a signature field that is also its widget, the AcroForm, catalog and page objects that must now point at them,
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
        if (request.PageIndex < 0 || request.PageIndex >= pages.Count)
        {
            throw new InvalidPdfException($"The document has {pages.Count} page(s); there is no page {request.PageIndex + 1} to sign on.");
        }

        var next = file.Size;
        var signature = new PdfReference(next++, 0);
        var widget = new PdfReference(next++, 0);
        var appearance = request.Rectangle is null ? null : new PdfReference(next++, 0);
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

        var fields = AppendTo(file, acroForm, "Fields", widget, changed, out var existingFields);
        foreach (var field in existingFields.OfType<PdfReference>())
        {
            if (file.Resolve(field) is PdfDictionary existing && existing["T"] is PdfVerbatim name
                && string.Equals(name.Text, PdfVerbatim.TextString(request.FieldName).Text, StringComparison.Ordinal))
            {
                throw new InvalidPdfException($"The document already has a signature field named \"{request.FieldName}\".");
            }
        }

        acroForm["Fields"] = fields;
        acroForm["SigFlags"] = new PdfNumber(3); // SignaturesExist | AppendOnly: viewers must save incrementally from now on
        if (acroFormReference is { } acroFormObject)
        {
            changed[acroFormObject.Number] = acroForm.ToString();
        }
        else
        {
            changed[file.Root.Number] = catalog.ToString();
        }

        var pageReference = pages[request.PageIndex];
        var page = file.ReadDictionary(pageReference);
        page["Annots"] = AppendTo(file, page, "Annots", widget, changed, out _);
        changed[pageReference.Number] = page.ToString();

        var rectangle = request.Rectangle ?? default;
        var widgetDictionary = new PdfDictionary
        {
            ["Type"] = new PdfName("Annot"),
            ["Subtype"] = new PdfName("Widget"),
            ["FT"] = new PdfName("Sig"),
            ["T"] = PdfVerbatim.TextString(request.FieldName),
            ["V"] = signature,
            ["P"] = pageReference,
            ["F"] = new PdfNumber(132), // Print | Locked
            ["Rect"] = new PdfArray([Number(rectangle.Left), Number(rectangle.Bottom), Number(rectangle.Right), Number(rectangle.Top)]),
        };
        if (appearance is { } appearanceReference)
        {
            widgetDictionary["AP"] = new PdfDictionary { ["N"] = appearanceReference };
            // Who signed and when, framed over the printed signature block (ADR 0016).
            changed[appearanceReference.Number] = SignatureAppearance.StreamObject(rectangle.Right - rectangle.Left, rectangle.Top - rectangle.Bottom, request);
        }

        changed[widget.Number] = widgetDictionary.ToString();

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

    /// <summary>
    /// Adds <paramref name="item"/> to the array under <paramref name="key"/>; returns what the owner should now hold:
    /// the same reference when the array is its own object (that object is rewritten), else a new inline array.
    /// </summary>
    private static PdfValue AppendTo(PdfFile file, PdfDictionary owner, string key, PdfReference item, SortedDictionary<int, string> changed, out List<PdfValue> existing)
    {
        switch (owner[key])
        {
            case PdfReference arrayReference when file.ReadObject(arrayReference) is PdfArray shared:
                existing = [.. shared.Items];
                changed[arrayReference.Number] = new PdfArray([.. shared.Items, item]).ToString();
                return arrayReference;
            case PdfArray inline:
                existing = [.. inline.Items];
                return new PdfArray([.. inline.Items, item]);
            default:
                existing = [];
                return new PdfArray([item]);
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
            offsets[number] = original.Length + Encoding.Latin1.GetByteCount(update.ToString());
            update.Append(CultureInfo.InvariantCulture, $"{number} 0 obj\n{body}\nendobj\n");
        }

        var xrefOffset = original.Length + Encoding.Latin1.GetByteCount(update.ToString());
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
