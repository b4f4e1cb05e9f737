using System.Text.Json;

namespace Workflows.Engine.Serialization;

/// <summary>
/// How every enum is written outside the process (definitions, events, API, database): kebab-case, e.g.
/// <c>SupplementRequested</c> ⇄ <c>"supplement-requested"</c>. One place, so the words never drift between layers.
/// </summary>
public static class KebabCase
{
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static bool TryParse<TEnum>(string? text, out TEnum value) where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (Name(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Every value's name, comma-separated: what an error message offers as the choices.</summary>
    public static string List<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Select(v => Name(v)));
}
