using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Workflows.Engine.Forms;

/// <summary>
/// What typed text the engine stores: composed (NFC) so "ễ" is one letter whatever keyboard or OS produced it,
/// without characters that hide or reorder what a reader sees (control characters, NUL, bidi overrides and
/// isolates, zero-width characters), and measured in letters as people count them (text elements), so a name
/// of 60 emoji is 60 long, not 120. Pure and deterministic: every entry point (HTTP, CLI, simulation) gets it
/// through the executor.
/// </summary>
public static class TextInput
{
    /// <summary>Composed (NFC) text, or the text itself when it is not valid Unicode (the check reports it).</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // A lone surrogate: Problem() refuses it with a message; keep the text as sent until then.
            return text;
        }
    }

    /// <summary>Length as people count letters: user-perceived characters (grapheme clusters).</summary>
    public static int Length(string text) => new StringInfo(text).LengthInTextElements;

    /// <summary>Why <paramref name="text"/> cannot be stored, naming <paramref name="what"/>; null when it can.</summary>
    /// <param name="multiLine">Line breaks and tabs are allowed (notes, reasons, addresses), not in a one-line value.</param>
    public static string? Problem(string text, string what, bool multiLine = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return $"{what} is not valid Unicode text (a broken surrogate pair at position {i + 1}).";
            }

            if (Describe(c, multiLine) is { } name)
            {
                return $"{what} contains {name} (U+{(int)c:X4}) at position {i + 1}; remove it: it hides or reorders what a reader sees.";
            }
        }

        return null;
    }

    /// <summary>Data with every string value composed (NFC); other values as they are.</summary>
    public static IReadOnlyDictionary<string, JsonElement> Normalize(IReadOnlyDictionary<string, JsonElement> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.Values.Any(v => v.ValueKind == JsonValueKind.String && Normalize(v.GetString()!) != v.GetString()))
        {
            return data;
        }

        return data.ToDictionary(
            p => p.Key,
            p => p.Value.ValueKind == JsonValueKind.String && Normalize(p.Value.GetString()!) is var composed && composed != p.Value.GetString()
                ? JsonSerializer.SerializeToElement(composed)
                : p.Value,
            StringComparer.Ordinal);
    }

    private static string? Describe(char c, bool multiLine) => c switch
    {
        '\0' => "a NUL character",
        '\n' or '\r' or '\t' => multiLine ? null : "a line break or tab",
        < ' ' or '\u007F' => "a control character",
        >= '\u0080' and <= '\u009F' => "a control character",
        >= '\u202A' and <= '\u202E' => "a right-to-left or left-to-right override",
        >= '\u2066' and <= '\u2069' => "a bidirectional isolate",
        '\u200E' or '\u200F' or '\u061C' => "a bidirectional mark",
        >= '\u200B' and <= '\u200D' => "a zero-width character",
        '\u2060' or '\uFEFF' => "a zero-width character",
        _ => null,
    };
}
