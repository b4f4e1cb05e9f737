using System.Text.Json;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Persistence;

/// <summary>How stored JSON (state, events, roles) is read back.</summary>
internal static class StoredJson
{
    /// <summary>
    /// <see cref="WorkflowJson.Options"/>, but tolerating the "type" discriminator anywhere in an object:
    /// PostgreSQL's jsonb re-orders keys (shortest first), so "to" may come back before "type".
    /// </summary>
    public static readonly JsonSerializerOptions Read = CreateRead();

    private static JsonSerializerOptions CreateRead()
    {
        var options = new JsonSerializerOptions(WorkflowJson.Options) { AllowOutOfOrderMetadataProperties = true };
        options.MakeReadOnly();
        return options;
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, WorkflowJson.Options);

    public static T Parse<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Read) ?? throw new InvalidOperationException($"Stored JSON for {typeof(T).Name} is null.");
}
