using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Workflows.Engine.Serialization;

/// <summary>
/// The one JSON shape of everything the engine stores or exchanges: instance state, events, traces.
/// Enums are kebab-case strings and ids are plain strings so the stored format reads well and stays stable.
/// </summary>
public static class WorkflowJson
{
    public static readonly JsonSerializerOptions Options = Create(writeIndented: false);

    public static readonly JsonSerializerOptions Indented = Create(writeIndented: true);

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = writeIndented,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Vietnamese text stays readable in stored JSON and traces instead of \u escapes.
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            MaxDepth = 64,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        foreach (var converter in IdConverters.All)
        {
            options.Converters.Add(converter);
        }

        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
