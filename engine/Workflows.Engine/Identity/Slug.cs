using System.Text.RegularExpressions;

namespace Workflows.Engine.Identity;

/// <summary>
/// The one rule for human-readable identifiers (procedures, steps, roles, units, users):
/// lower-case ASCII letters, digits and single hyphens, 1–64 characters. Stable in URLs, JSON and SQL.
/// </summary>
public static partial class Slug
{
    public const int MaxLength = 64;

    public static bool IsValid(string? text) =>
        text is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(text);

    public static string Require(string? text, string what) =>
        IsValid(text)
            ? text!
            : throw new ArgumentException(Describe(text, what), nameof(text));

    public static string Describe(string? text, string what) =>
        $"\"{text}\" is not a valid {what} id: use 1–{MaxLength} lower-case letters, digits and hyphens (e.g. \"birth-registration\").";

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
