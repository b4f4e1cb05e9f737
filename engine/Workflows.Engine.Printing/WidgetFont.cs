using System.Collections.Frozen;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Drawing;
using Workflows.Engine.Printing.Pdf;

namespace Workflows.Engine.Printing;

/// <summary>
/// The font of signature appearances and of the number and date the e-seal prints (ADR 0022): the page's Noto Serif
/// Regular, subset once per process to printable ASCII and every Vietnamese letter, as PDF objects an incremental
/// update embeds (about 27 KB, once per document: a later signature reuses them through the AcroForm's /DR).
/// PDFsharp builds the subset, exactly as it builds the page's; it keeps the font's own glyph ids (Identity-H with
/// CIDToGIDMap /Identity), so appearance text is written as glyph ids without PDFsharp and a signature costs no
/// font work at all.
/// </summary>
internal sealed partial class WidgetFont
{
    /// <summary>What the subset covers; anything else is written without its diacritics, or as '?'.</summary>
    private const string VietnameseLetters = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝăĂđĐĩĨũŨơƠưƯ–…“”‘’";

    private static readonly Lazy<WidgetFont> Shared = new(Build);

    private readonly FrozenDictionary<char, (ushort Glyph, int Width)> glyphs;

    private WidgetFont(string baseFont, IReadOnlyList<PortableObject> objects, FrozenDictionary<char, (ushort, int)> glyphs, double ascent, double descent)
    {
        BaseFont = baseFont;
        Objects = objects;
        this.glyphs = glyphs;
        Ascent = ascent;
        Descent = descent;
    }

    public static WidgetFont Instance => Shared.Value;

    /// <summary>"ABCDEF+NotoSerif-Regular": the tag is derived from the subset's bytes, so the same build always has the same name.</summary>
    public string BaseFont { get; }

    /// <summary>The Type0 font first, then what it refers to; references between them are indices into this list.</summary>
    public IReadOnlyList<PortableObject> Objects { get; }

    /// <summary>Above and below the baseline, in units of the font size.</summary>
    public double Ascent { get; }

    public double Descent { get; }

    /// <summary>The glyph ids of <paramref name="text"/> as a PDF hex string for Tj.</summary>
    public string Hex(string text)
    {
        var hex = new StringBuilder("<", (Printable(text).Length * 4) + 2);
        foreach (var c in Printable(text))
        {
            hex.Append(glyphs[c].Glyph.ToString("X4", CultureInfo.InvariantCulture));
        }

        return hex.Append('>').ToString();
    }

    public double Width(string text, double size) => Printable(text).Sum(c => glyphs[c].Width) * size / 1000;

    /// <summary>Composed (NFC), with any character the subset lacks replaced by its base letter or '?'.</summary>
    public string Printable(string text)
    {
        var composed = text.Normalize(NormalizationForm.FormC);
        if (composed.All(glyphs.ContainsKey))
        {
            return composed;
        }

        var result = new StringBuilder(composed.Length);
        foreach (var c in composed)
        {
            if (glyphs.ContainsKey(c))
            {
                result.Append(c);
                continue;
            }

            var bare = c.ToString().Normalize(NormalizationForm.FormD)[0];
            result.Append(glyphs.ContainsKey(bare) ? bare : '?');
        }

        return result.ToString();
    }

    private static WidgetFont Build()
    {
        var characters = new StringBuilder();
        for (var c = ' '; c <= '~'; c++)
        {
            characters.Append(c);
        }

        characters.Append(VietnameseLetters);
        for (var c = '\u1EA0'; c <= '\u1EF9'; c++)
        {
            characters.Append(c);
        }

        EmbeddedFontResolver.EnsureRegistered();
        byte[] pdf;
        using (var document = PdfGenerationLicense.NewDocument())
        {
            var page = document.AddPage();
            using (var graphics = XGraphics.FromPdfPage(page))
            {
                graphics.DrawString(characters.ToString(), PageLayout.Font(10, XFontStyleEx.Regular), XBrushes.Black, 0, 20);
            }

            using var output = new MemoryStream();
            document.Save(output, closeStream: false);
            pdf = output.ToArray();
        }

        var file = PdfFile.Open(pdf);
        var resources = (PdfDictionary)file.Resolve(file.ReadDictionary(file.PageReferences()[0])["Resources"]!);
        var type0 = (PdfReference)((PdfDictionary)file.Resolve(resources["Font"]!)).Entries.Single().Value;
        var objects = Collect(file, type0);

        var fontFile = objects.Single(o => o.Dictionary["Length1"] is not null).Data!;
        var tag = new string([.. SHA256.HashData(fontFile).Take(6).Select(b => (char)('A' + (b % 26)))]);
        var baseFont = tag + "+NotoSerif-Regular";
        var cidFont = objects.Single(o => o.Dictionary.NameOf("Subtype") == "CIDFontType2").Dictionary;
        var descriptor = objects.Single(o => o.Dictionary.NameOf("Type") == "FontDescriptor").Dictionary;
        objects[0].Dictionary["BaseFont"] = new PdfName(baseFont);
        cidFont["BaseFont"] = new PdfName(baseFont);
        descriptor["FontName"] = new PdfName(baseFont);

        var toUnicode = objects[((PdfReference)objects[0].Dictionary["ToUnicode"]!).Number];
        var widths = Widths((PdfArray)cidFont["W"]!);
        var glyphs = new Dictionary<char, (ushort, int)>();
        foreach (Match range in CMapRange().Matches(Inflate(toUnicode)))
        {
            var glyph = ushort.Parse(range.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            var character = (char)int.Parse(range.Groups[2].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            glyphs[character] = (glyph, widths.GetValueOrDefault(glyph, 500));
        }

        var missing = characters.ToString().Where(c => !glyphs.ContainsKey(c)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidOperationException($"The embedded Noto Serif lacks {missing.Length} character(s) the signature appearances need: {new string(missing)}.");
        }

        // Font units per em are 1000 in a PDF font descriptor; PDFsharp writes the descent positive.
        return new WidgetFont(baseFont, objects, glyphs.ToFrozenDictionary(), ((PdfNumber)descriptor["Ascent"]!).AsDouble / 1000, Math.Abs(((PdfNumber)descriptor["Descent"]!).AsDouble) / 1000);
    }

    /// <summary>
    /// The font and everything it refers to, renumbered 0, 1, 2 … in the order met (the Type0 font first), with
    /// stream lengths made direct so each object can be written on its own.
    /// </summary>
    private static List<PortableObject> Collect(PdfFile file, PdfReference root)
    {
        var order = new List<PdfReference> { root };
        var index = new Dictionary<int, int> { [root.Number] = 0 };
        var objects = new List<PortableObject>();
        for (var i = 0; i < order.Count; i++)
        {
            var value = file.ReadObject(order[i]);
            PortableObject portable;
            if (value is PdfDictionary dictionary && (dictionary["Length"] is not null))
            {
                var (streamDictionary, data) = file.ReadStream(order[i]);
                streamDictionary["Length"] = new PdfNumber(data.Length);
                portable = new PortableObject(streamDictionary, data);
            }
            else
            {
                portable = new PortableObject(value as PdfDictionary ?? throw new InvalidPdfException("The font subset has an object that is not a dictionary."), null);
            }

            objects.Add(new PortableObject((PdfDictionary)Renumber(portable.Dictionary, reference =>
            {
                if (!index.TryGetValue(reference.Number, out var at))
                {
                    at = order.Count;
                    index[reference.Number] = at;
                    order.Add(reference);
                }

                return new PdfReference(at, 0);
            }), portable.Data));
        }

        return objects;
    }

    /// <summary>A copy of <paramref name="value"/> with every reference replaced.</summary>
    public static PdfValue Renumber(PdfValue value, Func<PdfReference, PdfReference> map) => value switch
    {
        PdfReference reference => map(reference),
        PdfArray array => new PdfArray([.. array.Items.Select(v => Renumber(v, map))]),
        PdfDictionary dictionary => new PdfDictionary([.. dictionary.Entries.Select(e => new KeyValuePair<string, PdfValue>(e.Key, Renumber(e.Value, map)))]),
        _ => value,
    };

    /// <summary>/W as PDFsharp writes it (glyph [width …] runs; "first last width" ranges are read too).</summary>
    private static Dictionary<int, int> Widths(PdfArray w)
    {
        var widths = new Dictionary<int, int>();
        var items = w.Items;
        for (var i = 0; i < items.Count;)
        {
            var first = (int)((PdfNumber)items[i]).AsLong;
            if (items[i + 1] is PdfArray run)
            {
                for (var j = 0; j < run.Items.Count; j++)
                {
                    widths[first + j] = (int)((PdfNumber)run.Items[j]).AsDouble;
                }

                i += 2;
            }
            else
            {
                var last = (int)((PdfNumber)items[i + 1]).AsLong;
                for (var g = first; g <= last; g++)
                {
                    widths[g] = (int)((PdfNumber)items[i + 2]).AsDouble;
                }

                i += 3;
            }
        }

        return widths;
    }

    private static string Inflate(PortableObject stream)
    {
        if (stream.Dictionary.NameOf("Filter") != "FlateDecode")
        {
            return Encoding.Latin1.GetString(stream.Data!);
        }

        using var input = new ZLibStream(new MemoryStream(stream.Data!), CompressionMode.Decompress);
        using var reader = new StreamReader(input, Encoding.Latin1);
        return reader.ReadToEnd();
    }

    // PDFsharp's ToUnicode writes one glyph per range: <glyph><glyph><unicode>.
    [GeneratedRegex("<([0-9A-Fa-f]{4})><[0-9A-Fa-f]{4}><([0-9A-Fa-f]{4})>")]
    private static partial Regex CMapRange();
}

/// <summary>A PDF object to copy into another file: its dictionary and, for a stream, its encoded bytes.</summary>
internal sealed record PortableObject(PdfDictionary Dictionary, byte[]? Data)
{
    /// <summary>The object's body as an incremental update writes it (bytes as Latin-1 characters, one each).</summary>
    public string Body(Func<PdfReference, PdfReference> map)
    {
        var dictionary = WidgetFont.Renumber(Dictionary, map).ToString();
        return Data is null ? dictionary : dictionary + "stream\n" + Encoding.Latin1.GetString(Data) + "\nendstream";
    }
}
