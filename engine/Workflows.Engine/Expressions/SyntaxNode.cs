using System.Collections.Immutable;

namespace Workflows.Engine.Expressions;

/// <summary>
/// The parsed tree. Immutable, so one parsed <see cref="Expression"/> can be evaluated from many threads.
/// <see cref="Start"/>/<see cref="End"/> locate the node in the text for error messages.
/// </summary>
internal abstract record SyntaxNode(int Start, int End)
{
    /// <summary>Levels below and including this node; the parser refuses trees taller than the limit.</summary>
    public abstract int Height { get; }

    protected static int HeightOf(IEnumerable<SyntaxNode> children) => 1 + children.Select(c => c.Height).DefaultIfEmpty(0).Max();
}

internal sealed record LiteralNode(int Start, int End, ExpressionValue Value) : SyntaxNode(Start, End)
{
    public override int Height => 1;
}

internal sealed record ListNode(int Start, int End, ImmutableArray<SyntaxNode> Items) : SyntaxNode(Start, End)
{
    public override int Height { get; } = HeightOf(Items);
}

/// <summary>A field path: <c>fee</c> or <c>applicant.address.province</c>; the first segment is a form field key.</summary>
internal sealed record FieldNode(int Start, int End, ImmutableArray<string> Path) : SyntaxNode(Start, End)
{
    public override int Height => 1;

    public string DottedPath => string.Join('.', Path);
}

internal sealed record NotNode(int Start, int End, SyntaxNode Operand) : SyntaxNode(Start, End)
{
    public override int Height { get; } = Operand.Height + 1;
}

internal sealed record NegateNode(int Start, int End, SyntaxNode Operand) : SyntaxNode(Start, End)
{
    public override int Height { get; } = Operand.Height + 1;
}

/// <summary>
/// A run of <c>&amp;&amp;</c> or <c>||</c> kept flat, so a long "a || b || c …" list from the condition
/// builder does not count against the nesting limit.
/// </summary>
internal sealed record LogicalNode(int Start, int End, bool IsAnd, ImmutableArray<SyntaxNode> Operands) : SyntaxNode(Start, End)
{
    public override int Height { get; } = HeightOf(Operands);
}

internal enum BinaryOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
    NotIn,
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,
}

internal sealed record BinaryNode(int Start, int End, BinaryOperator Operator, SyntaxNode Left, SyntaxNode Right) : SyntaxNode(Start, End)
{
    public override int Height { get; } = Math.Max(Left.Height, Right.Height) + 1;

    public bool IsComparison => Operator <= BinaryOperator.NotIn;

    public static string Symbol(BinaryOperator op) => op switch
    {
        BinaryOperator.Equal => "==",
        BinaryOperator.NotEqual => "!=",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.In => "in",
        BinaryOperator.NotIn => "not in",
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        _ => "%",
    };
}

internal sealed record CallNode(int Start, int End, BuiltInFunction Function, ImmutableArray<SyntaxNode> Arguments) : SyntaxNode(Start, End)
{
    public override int Height { get; } = HeightOf(Arguments);
}
