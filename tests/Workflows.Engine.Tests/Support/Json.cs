using System.Text.Json;

namespace Workflows.Engine.Tests.Support;

internal static class Json
{
    public static IReadOnlyDictionary<string, JsonElement> Data(object values) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(values))!;

    public static readonly IReadOnlyDictionary<string, JsonElement> None = new Dictionary<string, JsonElement>();
}
