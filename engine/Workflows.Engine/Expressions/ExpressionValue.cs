using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Workflows.Engine.Expressions;

/// <summary>
/// A value the condition language computes with: null, boolean, decimal number, text, date, list, or an
/// object read whole from the data (a group of form fields, e.g. one row of a repeating table).
/// Closed set: the subtypes below are the only ones, so a switch over them is complete.
/// </summary>
public abstract record ExpressionValue
{
    private protected ExpressionValue()
    {
    }

    // Vietnamese stays readable in stored dossier data ("Huế", not "Hu\u1EBF"); HTML-sensitive characters are still escaped.
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static NullValue Null => NullValue.Instance;

    public static BooleanValue True { get; } = new(true);

    public static BooleanValue False { get; } = new(false);

    public abstract ExpressionType Type { get; }

    public static BooleanValue Of(bool value) => value ? True : False;

    public static NumberValue Of(decimal value) => new(value);

    public static DateValue Of(DateOnly value) => new(value);

    /// <summary>Text is kept in Unicode NFC so "Nguyễn" typed with combining marks equals the precomposed one.</summary>
    public static TextValue Of(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC));
    }

    public static ListValue Of(IEnumerable<ExpressionValue> items) => new([.. items]);

    /// <summary>The value as JSON, to write a computed result back into dossier data. Dates become "yyyy-MM-dd".</summary>
    public JsonElement ToJsonElement()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            WriteTo(writer);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>Writes the value with <paramref name="writer"/>; see <see cref="ToJsonElement"/>.</summary>
    public abstract void WriteTo(Utf8JsonWriter writer);

    /// <summary>The value as the language would write it as a literal, e.g. <c>"Nguyễn"</c>, <c>date("2025-01-31")</c>.</summary>
    public abstract string ToLiteral();

    public sealed override string ToString() => ToLiteral();

    /// <summary>How error messages name the value: its kind and a short rendering, e.g. <c>number (3)</c>.</summary>
    public string Describe()
    {
        var literal = ToLiteral();
        const int MaxShown = 40;
        if (literal.Length > MaxShown)
        {
            literal = string.Concat(literal.AsSpan(0, MaxShown), "…");
        }

        return this switch
        {
            NullValue => "null",
            ListValue list => $"a list of {list.Items.Length} item(s) ({literal})",
            ObjectValue => $"an object ({literal})",
            _ => $"{TypeName(Type)} ({literal})",
        };
    }

    /// <summary>How messages name a type: "a number", "text", "a date".</summary>
    public static string TypeName(ExpressionType type) => type switch
    {
        ExpressionType.Null => "null",
        ExpressionType.Boolean => "a boolean",
        ExpressionType.Number => "a number",
        ExpressionType.Text => "text",
        ExpressionType.Date => "a date",
        ExpressionType.List => "a list",
        ExpressionType.Object => "an object",
        _ => "a value",
    };

}

public sealed record NullValue : ExpressionValue
{
    private NullValue()
    {
    }

    internal static NullValue Instance { get; } = new();

    public override ExpressionType Type => ExpressionType.Null;

    public override void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNullValue();
    }

    public override string ToLiteral() => "null";

}

public sealed record BooleanValue(bool Value) : ExpressionValue
{
    public override ExpressionType Type => ExpressionType.Boolean;

    public override void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteBooleanValue(Value);
    }

    public override string ToLiteral() => Value ? "true" : "false";

}

public sealed record NumberValue(decimal Value) : ExpressionValue
{
    public override ExpressionType Type => ExpressionType.Number;

    public override void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(Value);
    }

    public override string ToLiteral() => Value.ToString(CultureInfo.InvariantCulture);

}

public sealed record TextValue : ExpressionValue
{
    // Only through ExpressionValue.Of, which normalizes: equality below is ordinal and relies on it.
    internal TextValue(string value) => Value = value;

    public string Value { get; }

    public override ExpressionType Type => ExpressionType.Text;

    public override void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Value);
    }

    public override string ToLiteral()
    {
        var builder = new StringBuilder(Value.Length + 2).Append('"');
        foreach (var c in Value)
        {
            _ = c switch
            {
                '"' => builder.Append("\\\""),
                '\\' => builder.Append("\\\\"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                _ => builder.Append(c),
            };
        }

        return builder.Append('"').ToString();
    }

}

public sealed record DateValue(DateOnly Value) : ExpressionValue
{
    public override ExpressionType Type => ExpressionType.Date;

    public string IsoText => Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(IsoText);
    }

    public override string ToLiteral() => $"date(\"{IsoText}\")";

}

public sealed record ListValue(ImmutableArray<ExpressionValue> Items) : ExpressionValue
{
    public override ExpressionType Type => ExpressionType.List;

    public override void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartArray();
        foreach (var item in Items)
        {
            item.WriteTo(writer);
        }

        writer.WriteEndArray();
    }

    public override string ToLiteral() => "[" + string.Join(", ", Items.Select(i => i.ToLiteral())) + "]";


    // ImmutableArray compares by reference; two lists with equal items are equal values.
    public bool Equals(ListValue? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}

/// <summary>An object from the dossier data, kept with its properties in ordinal key order so output is stable.</summary>
public sealed record ObjectValue(ImmutableSortedDictionary<string, ExpressionValue> Properties) : ExpressionValue
{
    public override ExpressionType Type => ExpressionType.Object;

    public override void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        foreach (var (key, value) in Properties)
        {
            writer.WritePropertyName(key);
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }

    // There is no object literal; this rendering is only for messages and logs.
    public override string ToLiteral() =>
        "{" + string.Join(", ", Properties.Select(p => $"{Of(p.Key).ToLiteral()}: {p.Value.ToLiteral()}")) + "}";

    public bool Equals(ObjectValue? other) =>
        other is not null && Properties.Count == other.Properties.Count
        && Properties.All(p => other.Properties.TryGetValue(p.Key, out var v) && p.Value.Equals(v));

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (key, value) in Properties)
        {
            hash.Add(key, StringComparer.Ordinal);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
