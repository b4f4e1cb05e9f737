using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Workflows.Engine.Persistence.Model;

/// <summary>
/// Enums stored as the same kebab-case names the JSON uses ("in-process"), so SQL written for reports reads
/// like the API and renaming a C# member is caught as a data change, not silently renumbered.
/// </summary>
internal sealed class KebabEnumConverter<TEnum>() : ValueConverter<TEnum, string>(
    value => Format(value),
    text => Parse(text))
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values =
        Names.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Format(TEnum value) => Names[value];

    public static TEnum Parse(string text) =>
        Values.TryGetValue(text, out var value)
            ? value
            : throw new InvalidOperationException($"The database holds \"{text}\", which is not a {typeof(TEnum).Name}.");
}
