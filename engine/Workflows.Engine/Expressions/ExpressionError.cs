namespace Workflows.Engine.Expressions;

/// <summary>A problem found in an expression's text, at a 0-based character offset into it.</summary>
public sealed record ExpressionError(int Position, string Message)
{
    public override string ToString() => $"{Message} (at position {Position})";
}
