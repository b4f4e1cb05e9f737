using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Serialization;

/// <summary>Typed ids and value types written as plain JSON strings.</summary>
internal static class IdConverters
{
    public static readonly JsonConverter[] All =
    [
        new StringConverter<DossierId>(s => DossierId.TryParse(s, out var id) ? id : throw new JsonException($"'{s}' is not a dossier id."), id => id.ToString()),
        new StringConverter<UnitId>(s => new UnitId(s), id => id.Value),
        new StringConverter<UserId>(s => new UserId(s), id => id.Value),
        new StringConverter<StepId>(s => new StepId(s), id => id.Value),
        new StringConverter<ProcedureId>(s => new ProcedureId(s), id => id.Value),
        new StringConverter<WorkingDuration>(WorkingDuration.Parse, d => d.ToString()),
        new StringConverter<DefinitionKey>(ParseKey, k => $"{k.Procedure}@{k.Version.ToString(CultureInfo.InvariantCulture)}"),
    ];

    private static DefinitionKey ParseKey(string text)
    {
        var at = text.LastIndexOf('@');
        return at > 0 && int.TryParse(text[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? new DefinitionKey(new ProcedureId(text[..at]), version)
            : throw new JsonException($"'{text}' is not a definition key (procedure@version).");
    }

    private sealed class StringConverter<T>(Func<string, T> parse, Func<T, string> format) : JsonConverter<T>
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"Expected a string for {typeof(T).Name}.");
            }

            try
            {
                return parse(reader.GetString()!);
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new JsonException(e.Message, e);
            }
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(format(value));

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => parse(reader.GetString()!);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(format(value));
    }
}
