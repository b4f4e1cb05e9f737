// TEMPORARY STUB (not committed): replaced by the expressions branch.
#pragma warning disable CA1822
using System.Text.Json;
namespace Workflows.Engine.Expressions;
public sealed class Expression
{
    public static ExpressionParseResult Parse(string text) => new(new Expression { Text = text }, []);
    public string Text { get; private init; } = "";
    public IReadOnlyCollection<string> ReferencedFields => [];
    public ExpressionResult Evaluate(IReadOnlyDictionary<string, JsonElement> data) => new(null, "stub");
}
public sealed record ExpressionParseResult(Expression? Expression, IReadOnlyList<ExpressionError> Errors) { public bool Succeeded => Expression is not null; }
public sealed record ExpressionError(int Position, string Message);
public sealed record ExpressionResult(ExpressionValue? Value, string? Error)
{
    public bool Succeeded => Error is null;
    public bool TryGetBoolean(out bool value, out string error) { value = false; error = Error ?? ""; return false; }
}
public abstract record ExpressionValue { public JsonElement ToJsonElement() => default; }
