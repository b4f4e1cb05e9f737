namespace Workflows.Engine.Expressions;

/// <summary>Either a usable expression or the reasons the text is not one.</summary>
public sealed record ExpressionParseResult(Expression? Expression, IReadOnlyList<ExpressionError> Errors)
{
    public bool Succeeded => Expression is not null;
}
