using System.Collections.Immutable;
using System.Text.Json;

namespace Workflows.Engine.Expressions;

/// <summary>
/// Walks one tree over one dossier's data. A new evaluator per evaluation keeps <see cref="Expression"/>
/// thread-safe; the step counter makes the cost of any evaluation bounded and the same on every run.
/// Recursion is bounded by the parser's nesting limit.
/// </summary>
internal sealed class Evaluator(string text, IReadOnlyDictionary<string, JsonElement> data)
{
    private int _steps;

    public ExpressionValue Evaluate(SyntaxNode node)
    {
        Charge(1, node);
        return node switch
        {
            LiteralNode literal => literal.Value,
            FieldNode field => ReadField(field),
            ListNode list => new ListValue([.. list.Items.Select(Evaluate)]),
            NotNode not => ExpressionValue.Of(!RequireBoolean(Evaluate(not.Operand), not.Operand, "'!' (not)")),
            NegateNode negate => Negate(negate),
            LogicalNode logical => EvaluateLogical(logical),
            BinaryNode binary => EvaluateBinary(binary),
            CallNode call => call.Function.Invoke(new FunctionCall(call, [.. call.Arguments.Select(Evaluate)], this)),
            _ => throw new InvalidOperationException($"No evaluation for {node.GetType().Name}."),
        };
    }

    public void Charge(int units, SyntaxNode node)
    {
        _steps += units;
        if (_steps > ExpressionLimits.MaxEvaluationSteps)
        {
            throw new ExpressionFailure(
                node.Start,
                $"The expression needed more than {ExpressionLimits.MaxEvaluationSteps:N0} evaluation steps (nodes plus list items touched); simplify it or the data it reads.");
        }
    }

    private NumberValue Negate(NegateNode negate) => Evaluate(negate.Operand) switch
    {
        NumberValue n => ExpressionValue.Of(-n.Value),
        var other => throw new ExpressionFailure(negate.Start, $"'-' needs a number, but {Show(negate.Operand)} is {other.Describe()}."),
    };

    // Short-circuits left to right, so "!isEmpty(fee) && fee > 0" never compares a missing fee.
    private BooleanValue EvaluateLogical(LogicalNode logical)
    {
        var symbol = logical.IsAnd ? "'&&' (and)" : "'||' (or)";
        foreach (var operand in logical.Operands)
        {
            var value = RequireBoolean(Evaluate(operand), operand, symbol);
            if (value != logical.IsAnd)
            {
                return ExpressionValue.Of(value);
            }
        }

        return ExpressionValue.Of(logical.IsAnd);
    }

    private ExpressionValue EvaluateBinary(BinaryNode node)
    {
        var left = Evaluate(node.Left);
        var right = Evaluate(node.Right);
        var symbol = BinaryNode.Symbol(node.Operator);
        return node.Operator switch
        {
            BinaryOperator.Equal => ExpressionValue.Of(AreEqual(left, right, node, symbol)),
            BinaryOperator.NotEqual => ExpressionValue.Of(!AreEqual(left, right, node, symbol)),
            BinaryOperator.Less => ExpressionValue.Of(Order(left, right, node, symbol) < 0),
            BinaryOperator.LessOrEqual => ExpressionValue.Of(Order(left, right, node, symbol) <= 0),
            BinaryOperator.Greater => ExpressionValue.Of(Order(left, right, node, symbol) > 0),
            BinaryOperator.GreaterOrEqual => ExpressionValue.Of(Order(left, right, node, symbol) >= 0),
            BinaryOperator.In => ExpressionValue.Of(ListContains(RequireList(right, node), left, node)),
            BinaryOperator.NotIn => ExpressionValue.Of(!ListContains(RequireList(right, node), left, node)),
            BinaryOperator.Add when left is TextValue a && right is TextValue b => Concatenate(a, b, node),
            _ => Arithmetic(node, left, right, symbol),
        };
    }

    private NumberValue Arithmetic(BinaryNode node, ExpressionValue left, ExpressionValue right, string symbol)
    {
        if (left is not NumberValue a || right is not NumberValue b)
        {
            var also = node.Operator == BinaryOperator.Add ? " ('+' also joins two texts)" : "";
            throw new ExpressionFailure(
                node.Start,
                $"'{symbol}' needs two numbers{also}, but {Show(node.Left)} is {left.Describe()} and {Show(node.Right)} is {right.Describe()}.");
        }

        if (b.Value == 0 && node.Operator is BinaryOperator.Divide or BinaryOperator.Remainder)
        {
            throw new ExpressionFailure(node.Start, $"Division by zero: {Show(node.Right)} is 0.");
        }

        try
        {
            return ExpressionValue.Of(node.Operator switch
            {
                BinaryOperator.Add => a.Value + b.Value,
                BinaryOperator.Subtract => a.Value - b.Value,
                BinaryOperator.Multiply => a.Value * b.Value,
                BinaryOperator.Divide => a.Value / b.Value,
                _ => a.Value % b.Value,
            });
        }
        catch (OverflowException)
        {
            throw new ExpressionFailure(node.Start, $"The result of '{symbol}' is too large for a number (limit about 7.9e28).");
        }
    }

    private static TextValue Concatenate(TextValue a, TextValue b, BinaryNode node) =>
        a.Value.Length + b.Value.Length > ExpressionLimits.MaxComputedTextLength
            ? throw new ExpressionFailure(node.Start, $"Joining these texts would exceed {ExpressionLimits.MaxComputedTextLength:N0} characters.")
            : ExpressionValue.Of(a.Value + b.Value);

    /// <summary>
    /// Equality is strict: null equals only null, and comparing values of two different non-null types is an
    /// error rather than false, because it is almost always a mistake in the definition (fee == "0").
    /// </summary>
    public bool AreEqual(ExpressionValue left, ExpressionValue right, SyntaxNode node, string symbol)
    {
        if (left is NullValue || right is NullValue)
        {
            return left is NullValue && right is NullValue;
        }

        if (left.Type != right.Type)
        {
            throw new ExpressionFailure(node.Start, $"Cannot compare {left.Describe()} with {right.Describe()} using {symbol}; convert one side first (e.g. date(\"2025-01-31\")).");
        }

        switch (left, right)
        {
            case (ListValue a, ListValue b):
                Charge(Math.Min(a.Items.Length, b.Items.Length), node);
                return a.Items.Length == b.Items.Length && a.Items.Zip(b.Items).All(p => AreEqual(p.First, p.Second, node, symbol));
            case (ObjectValue a, ObjectValue b):
                Charge(a.Properties.Count, node);
                return a.Equals(b);
            default:
                return left.Equals(right);
        }
    }

    /// <summary>Orders numbers, texts (by Unicode code point, the same on every machine) and dates.</summary>
    public static int Order(ExpressionValue left, ExpressionValue right, SyntaxNode node, string symbol) => (left, right) switch
    {
        (NumberValue a, NumberValue b) => a.Value.CompareTo(b.Value),
        (TextValue a, TextValue b) => string.CompareOrdinal(a.Value, b.Value),
        (DateValue a, DateValue b) => a.Value.CompareTo(b.Value),
        (NullValue, _) or (_, NullValue) => throw new ExpressionFailure(
            node.Start,
            $"Cannot order {left.Describe()} and {right.Describe()} with {symbol}: a missing value has no order. Test it first, e.g. !isEmpty(x) && x > 0."),
        _ => throw new ExpressionFailure(
            node.Start,
            $"Cannot order {left.Describe()} and {right.Describe()} with {symbol}; both sides must be numbers, texts or dates of the same kind."),
    };

    /// <summary>Membership by <see cref="AreEqual"/>. Every item is checked, so a type mismatch is reported whatever the item order.</summary>
    public bool ListContains(ListValue list, ExpressionValue value, SyntaxNode node)
    {
        Charge(list.Items.Length, node);
        var found = false;
        foreach (var item in list.Items)
        {
            found |= AreEqual(value, item, node, "'in'");
        }

        return found;
    }

    private ListValue RequireList(ExpressionValue value, BinaryNode node) =>
        value as ListValue ?? throw new ExpressionFailure(
            node.Right.Start,
            $"'{BinaryNode.Symbol(node.Operator)}' needs a list on its right, e.g. x in [\"a\", \"b\"], but {Show(node.Right)} is {value.Describe()}.");

    private bool RequireBoolean(ExpressionValue value, SyntaxNode node, string symbol) =>
        value is BooleanValue b
            ? b.Value
            : throw new ExpressionFailure(node.Start, $"{symbol} needs true or false, but {Show(node)} is {value.Describe()}.");

    private ExpressionValue ReadField(FieldNode field)
    {
        if (!data.TryGetValue(field.Path[0], out var element))
        {
            return ExpressionValue.Null;
        }

        for (var i = 1; i < field.Path.Length; i++)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    if (!element.TryGetProperty(field.Path[i], out element))
                    {
                        return ExpressionValue.Null;
                    }

                    break;
                case JsonValueKind.Null or JsonValueKind.Undefined:
                    return ExpressionValue.Null;
                default:
                    var parent = string.Join('.', field.Path.Take(i));
                    throw new ExpressionFailure(
                        field.Start,
                        $"'{field.DottedPath}' cannot be read: '{parent}' is {DescribeJsonKind(element.ValueKind)}, not a group of fields.");
            }
        }

        return FromJson(element, field, depth: 0);
    }

    private ExpressionValue FromJson(JsonElement element, FieldNode field, int depth)
    {
        if (depth > ExpressionLimits.MaxNestingDepth)
        {
            throw new ExpressionFailure(field.Start, $"The data in '{field.DottedPath}' nests more than {ExpressionLimits.MaxNestingDepth} levels deep.");
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return ExpressionValue.Of(element.GetString()!);
            case JsonValueKind.Number:
                return element.TryGetDecimal(out var number)
                    ? ExpressionValue.Of(number)
                    : throw new ExpressionFailure(field.Start, $"'{field.DottedPath}' holds the number {element.GetRawText()}, which is outside the range of numbers (about ±7.9e28).");
            case JsonValueKind.True:
                return ExpressionValue.True;
            case JsonValueKind.False:
                return ExpressionValue.False;
            case JsonValueKind.Array:
                Charge(element.GetArrayLength(), field);
                return new ListValue([.. element.EnumerateArray().Select(e => FromJson(e, field, depth + 1))]);
            case JsonValueKind.Object:
                var properties = ImmutableSortedDictionary.CreateBuilder<string, ExpressionValue>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    Charge(1, field);
                    properties[property.Name] = FromJson(property.Value, field, depth + 1);
                }

                return new ObjectValue(properties.ToImmutable());
            default:
                return ExpressionValue.Null;
        }
    }

    private static string DescribeJsonKind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.Array => "a list",
        _ => "a boolean",
    };

    /// <summary>The node as the author wrote it, for messages: "'applicant.age'".</summary>
    private string Show(SyntaxNode node)
    {
        const int MaxShown = 60;
        var source = text[node.Start..node.End];
        return "'" + (source.Length > MaxShown ? source[..MaxShown] + "…" : source) + "'";
    }
}
