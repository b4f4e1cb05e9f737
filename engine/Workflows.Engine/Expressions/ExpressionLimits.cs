namespace Workflows.Engine.Expressions;

/// <summary>
/// Hard limits that keep a hostile or careless expression from hurting the engine. They are counts, not
/// timeouts, so an expression that passes once passes on every machine and in every replay.
/// </summary>
public static class ExpressionLimits
{
    public const int MaxTextLength = 4_000;

    /// <summary>Levels of parentheses, lists, calls, unary operators and chained binary operators.</summary>
    public const int MaxNestingDepth = 64;

    public const int MaxListItems = 1_000;

    /// <summary>
    /// Units of work in one evaluation: one per syntax node visited, plus one per list element read from the
    /// data or compared. The language has no loops, so this mostly bounds work on large lists in the data.
    /// </summary>
    public const int MaxEvaluationSteps = 10_000;

    /// <summary>Longest text a '+' may build, so concatenation cannot blow up memory.</summary>
    public const int MaxComputedTextLength = 100_000;
}
