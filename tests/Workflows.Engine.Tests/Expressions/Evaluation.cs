using System.Text.Json;
using Workflows.Engine.Expressions;

namespace Workflows.Engine.Tests.Expressions;

/// <summary>Shorthands so each test reads as "this text over this data gives that".</summary>
internal static class Evaluation
{
    public static IReadOnlyDictionary<string, JsonElement> Data(string json = "{}")
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    public static Expression Parsed(string text)
    {
        var parsed = Expression.Parse(text);
        parsed.Errors.ShouldBeEmpty($"'{text}' should parse");
        return parsed.Expression!;
    }

    public static ExpressionResult Run(string text, string json = "{}") => Parsed(text).Evaluate(Data(json));

    /// <summary>The value as a literal, e.g. "3", "true", "\"ab\"", so rows in theories stay plain strings.</summary>
    public static string ValueOf(string text, string json = "{}")
    {
        var result = Run(text, json);
        result.Error.ShouldBeNull($"'{text}' should evaluate");
        return result.Value!.ToLiteral();
    }

    public static string ErrorOf(string text, string json = "{}")
    {
        var result = Run(text, json);
        result.Succeeded.ShouldBeFalse($"'{text}' should fail but gave {result.Value}");
        return result.Error!;
    }

    public static ExpressionError ParseErrorOf(string text)
    {
        var parsed = Expression.Parse(text);
        parsed.Succeeded.ShouldBeFalse($"'{text}' should not parse");
        return parsed.Errors.ShouldHaveSingleItem();
    }
}
