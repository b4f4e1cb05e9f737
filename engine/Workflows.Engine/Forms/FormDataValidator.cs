using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Workflows.Engine.Forms;

/// <summary>
/// Checks dossier data against the form: unknown fields, wrong types, missing required values, text that hides
/// what it says (see <see cref="TextInput"/>). Callers normalize the data with <see cref="TextInput.Normalize(IReadOnlyDictionary{string, JsonElement})"/> first.
/// </summary>
public static partial class FormDataValidator
{
    /// <summary>Every problem with <paramref name="data"/>, each naming its field; empty when the data is acceptable.</summary>
    /// <param name="refuseWrite">Why the caller may not write a field here, or null when they may.</param>
    /// <param name="requiredKeys">Fields that must hold a value after this change.</param>
    /// <param name="existing">Data the dossier already holds, which satisfies required fields.</param>
    public static IReadOnlyList<string> Validate(
        FormSchema form,
        IReadOnlyDictionary<string, JsonElement> data,
        Func<FormField, string?> refuseWrite,
        IEnumerable<string> requiredKeys,
        IReadOnlyDictionary<string, JsonElement>? existing = null)
    {
        var problems = new List<string>();
        foreach (var (key, value) in data)
        {
            var field = form.Find(key);
            if (field is null)
            {
                problems.Add($"Field '{key}' is not on this procedure's form.");
                continue;
            }

            if (refuseWrite(field) is { } refusal)
            {
                problems.Add(refusal);
                continue;
            }

            if (CheckValue(field, value) is { } problem)
            {
                problems.Add(problem);
            }
        }

        foreach (var key in requiredKeys)
        {
            var present = (data.TryGetValue(key, out var v) && HasValue(v))
                || (existing is not null && existing.TryGetValue(key, out var e) && HasValue(e));
            if (!present)
            {
                var label = form.Find(key)?.Label ?? key;
                problems.Add($"Field '{key}' ({label}) is required.");
            }
        }

        return problems;
    }

    private static bool HasValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => false,
        JsonValueKind.String => value.GetString()!.Trim().Length > 0,
        _ => true,
    };

    private static string? CheckValue(FormField field, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null)
        {
            return null;
        }

        var label = $"Field '{field.Key}' ({field.Label})";
        if (value.ValueKind == JsonValueKind.String && TextInput.Problem(value.GetString()!, label) is { } unreadable)
        {
            return unreadable;
        }

        return field.Type switch
        {
            FieldType.Number => value.ValueKind == JsonValueKind.Number ? null : $"{label} must be a number.",
            FieldType.Boolean => value.ValueKind is JsonValueKind.True or JsonValueKind.False ? null : $"{label} must be true or false.",
            _ when value.ValueKind != JsonValueKind.String => $"{label} must be text.",
            FieldType.Date => DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
                ? null
                : $"{label} must be a date written yyyy-MM-dd.",
            FieldType.Select => field.Options.Contains(value.GetString()!)
                ? null
                : $"{label} must be one of: {string.Join(", ", field.Options)}.",
            FieldType.NationalId => NationalIdPattern().IsMatch(value.GetString()!)
                ? null
                : $"{label} must be a 12-digit citizen identity number.",
            FieldType.User => Identity.Slug.IsValid(value.GetString())
                ? null
                : $"{label} must be a user id (lowercase letters, digits and hyphens), e.g. \"specialist-an\".",
            _ => TextInput.Length(TextInput.Normalize(value.GetString()!)) <= field.MaxLength ? null : $"{label} is longer than {field.MaxLength} characters.",
        };
    }

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex NationalIdPattern();
}
