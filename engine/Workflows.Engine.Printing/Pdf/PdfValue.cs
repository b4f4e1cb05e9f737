using System.Globalization;
using System.Text;

namespace Workflows.Engine.Printing.Pdf;

/// <summary>
/// Just enough of the PDF object model to rewrite a catalog, a page and an AcroForm in an incremental update:
/// values we do not interpret (strings, booleans, null) are kept as their exact source text and written back as is.
/// </summary>
internal abstract record PdfValue
{
    public abstract void WriteTo(StringBuilder output);

    public sealed override string ToString()
    {
        var output = new StringBuilder();
        WriteTo(output);
        return output.ToString();
    }
}

internal sealed record PdfName(string Value) : PdfValue
{
    public override void WriteTo(StringBuilder output) => output.Append('/').Append(Value);
}

internal sealed record PdfNumber(string Text) : PdfValue
{
    public PdfNumber(long value)
        : this(value.ToString(CultureInfo.InvariantCulture))
    {
    }

    public long AsLong => (long)decimal.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public double AsDouble => double.Parse(Text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public override void WriteTo(StringBuilder output) => output.Append(Text);
}

/// <summary>A literal or hex string, a boolean or null, exactly as written in the file.</summary>
internal sealed record PdfVerbatim(string Text) : PdfValue
{
    public override void WriteTo(StringBuilder output) => output.Append(Text);

    /// <summary>A text string as PDF wants non-ASCII text: UTF-16BE with a byte-order mark, hex-encoded.</summary>
    public static PdfVerbatim TextString(string text)
    {
        if (text.All(c => c is >= ' ' and <= '~' and not '(' and not ')' and not '\\'))
        {
            return new PdfVerbatim("(" + text + ")");
        }

        return new PdfVerbatim("<FEFF" + Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text)) + ">");
    }
}

internal sealed record PdfReference(int Number, int Generation) : PdfValue
{
    public override void WriteTo(StringBuilder output) =>
        output.Append(CultureInfo.InvariantCulture, $"{Number} {Generation} R");
}

internal sealed record PdfArray(List<PdfValue> Items) : PdfValue
{
    public override void WriteTo(StringBuilder output)
    {
        output.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                output.Append(' ');
            }

            Items[i].WriteTo(output);
        }

        output.Append(']');
    }
}

/// <summary>Keys keep their order, so a rewritten dictionary differs from the original only where we changed it.</summary>
internal sealed record PdfDictionary(List<KeyValuePair<string, PdfValue>> Entries) : PdfValue
{
    public PdfDictionary()
        : this([])
    {
    }

    public PdfValue? this[string key]
    {
        get => Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.Ordinal)).Value;
        set
        {
            var index = Entries.FindIndex(e => string.Equals(e.Key, key, StringComparison.Ordinal));
            if (value is null)
            {
                if (index >= 0)
                {
                    Entries.RemoveAt(index);
                }
            }
            else if (index >= 0)
            {
                Entries[index] = new(key, value);
            }
            else
            {
                Entries.Add(new(key, value));
            }
        }
    }

    public string? NameOf(string key) => (this[key] as PdfName)?.Value;

    public override void WriteTo(StringBuilder output)
    {
        output.Append("<<");
        foreach (var (key, value) in Entries)
        {
            output.Append('/').Append(key).Append(' ');
            value.WriteTo(output);
        }

        output.Append(">>");
    }
}
