using System.Text;

namespace Workflows.Engine.Expressions;

/// <summary>
/// Prints a tree back as canonical text: symbols (&amp;&amp; || !), double-quoted strings, single spaces, and only
/// the parentheses the precedence needs. Parsing the output gives the same tree, which is what lets the
/// designer's condition builder edit an expression and save it back.
/// </summary>
internal static class ExpressionFormatter
{
    private const int OrLevel = 1;
    private const int AndLevel = 2;
    private const int ComparisonLevel = 4;
    private const int AdditiveLevel = 5;
    private const int MultiplicativeLevel = 6;
    private const int NegateLevel = 7;
    private const int PrimaryLevel = 8;

    public static string Format(SyntaxNode node)
    {
        var builder = new StringBuilder();
        Write(builder, node);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, SyntaxNode node)
    {
        switch (node)
        {
            case LiteralNode literal:
                builder.Append(literal.Value.ToLiteral());
                break;
            case FieldNode field:
                builder.Append(field.DottedPath);
                break;
            case ListNode list:
                WriteSeparated(builder, "[", list.Items, "]");
                break;
            case CallNode call:
                WriteSeparated(builder, call.Function.Name + "(", call.Arguments, ")");
                break;
            case NotNode not:
                builder.Append('!');
                // "!(a == b)" rather than the equivalent but misleading "!a == b".
                WriteOperand(builder, not.Operand, not.Operand is NotNode || Level(not.Operand) >= NegateLevel);
                break;
            case NegateNode negate:
                builder.Append('-');
                WriteOperand(builder, negate.Operand, Level(negate.Operand) >= NegateLevel);
                break;
            case LogicalNode logical:
                for (var i = 0; i < logical.Operands.Length; i++)
                {
                    builder.Append(i == 0 ? "" : logical.IsAnd ? " && " : " || ");
                    WriteOperand(builder, logical.Operands[i], Level(logical.Operands[i]) > Level(logical));
                }

                break;
            case BinaryNode binary:
                var level = Level(binary);

                // Left-associative: a left operand at the same level needs no parentheses, except for
                // comparisons, which do not chain.
                WriteOperand(builder, binary.Left, binary.IsComparison ? Level(binary.Left) > level : Level(binary.Left) >= level);
                builder.Append(' ').Append(BinaryNode.Symbol(binary.Operator)).Append(' ');
                WriteOperand(builder, binary.Right, Level(binary.Right) > level);
                break;
            default:
                throw new InvalidOperationException($"No formatting for {node.GetType().Name}.");
        }
    }

    private static void WriteOperand(StringBuilder builder, SyntaxNode operand, bool bare)
    {
        if (bare)
        {
            Write(builder, operand);
            return;
        }

        builder.Append('(');
        Write(builder, operand);
        builder.Append(')');
    }

    private static void WriteSeparated(StringBuilder builder, string open, IEnumerable<SyntaxNode> items, string close)
    {
        builder.Append(open);
        var first = true;
        foreach (var item in items)
        {
            builder.Append(first ? "" : ", ");
            Write(builder, item);
            first = false;
        }

        builder.Append(close);
    }

    private static int Level(SyntaxNode node) => node switch
    {
        LogicalNode { IsAnd: false } => OrLevel,
        LogicalNode => AndLevel,
        NotNode => 3,
        BinaryNode { IsComparison: true } => ComparisonLevel,
        BinaryNode { Operator: BinaryOperator.Add or BinaryOperator.Subtract } => AdditiveLevel,
        BinaryNode => MultiplicativeLevel,
        NegateNode => NegateLevel,
        LiteralNode { Value: NumberValue { Value: < 0 } } => NegateLevel,
        _ => PrimaryLevel,
    };
}
