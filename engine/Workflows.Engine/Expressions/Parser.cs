using System.Collections.Immutable;

namespace Workflows.Engine.Expressions;

/// <summary>
/// Recursive descent, one method per precedence level (lowest first):
/// <c>||</c> &lt; <c>&amp;&amp;</c> &lt; <c>!</c> &lt; comparison and <c>in</c> &lt; <c>+ -</c> &lt; <c>* / %</c> &lt; unary <c>-</c>.
/// Every descent is counted, so 10,000 nested parentheses end in an error, not a stack overflow.
/// </summary>
internal sealed class Parser
{
    private readonly List<Token> _tokens;
    private readonly List<ExpressionError> _errors;
    private int _index;
    private int _depth;

    private Parser(List<Token> tokens, List<ExpressionError> errors)
    {
        _tokens = tokens;
        _errors = errors;
    }

    /// <summary>The tree, or null with <paramref name="errors"/> filled. Unknown functions are collected; syntax errors stop.</summary>
    public static SyntaxNode? Parse(string text, List<ExpressionError> errors)
    {
        try
        {
            var parser = new Parser(Lexer.Tokenize(text), errors);
            var root = parser.ParseOr();
            var end = parser.Current;
            if (end.Kind != TokenKind.End)
            {
                var hint = end.Kind == TokenKind.CloseParen ? " There is a ')' without a matching '('." : " Join conditions with && or ||.";
                throw new ExpressionFailure(end.Start, $"Unexpected {end.Display} after a complete expression.{hint}");
            }

            return errors.Count == 0 ? root : null;
        }
        catch (ExpressionFailure failure)
        {
            errors.Add(new ExpressionError(failure.Position, failure.Message));
            return null;
        }
    }

    private Token Current => _tokens[_index];

    private Token Advance() => _tokens[_index++];

    private bool Accept(TokenKind kind)
    {
        if (Current.Kind != kind)
        {
            return false;
        }

        _index++;
        return true;
    }

    private SyntaxNode ParseOr() => ParseLogical(isAnd: false);

    private SyntaxNode ParseLogical(bool isAnd)
    {
        var kind = isAnd ? TokenKind.And : TokenKind.Or;
        var first = isAnd ? ParseNot() : ParseLogical(isAnd: true);
        if (Current.Kind != kind)
        {
            return first;
        }

        var operands = ImmutableArray.CreateBuilder<SyntaxNode>();
        operands.Add(first);
        while (Accept(kind))
        {
            operands.Add(isAnd ? ParseNot() : ParseLogical(isAnd: true));
        }

        return Checked(new LogicalNode(first.Start, operands[^1].End, isAnd, operands.ToImmutable()));
    }

    // '!' binds looser than comparisons (like Python's 'not'): !a == b means !(a == b).
    private SyntaxNode ParseNot()
    {
        var token = Current;
        if (!Accept(TokenKind.Not))
        {
            return ParseComparison();
        }

        Enter(token);
        var operand = ParseNot();
        _depth--;
        return Checked(new NotNode(token.Start, operand.End, operand));
    }

    private SyntaxNode ParseComparison()
    {
        var left = ParseAdditive();
        var op = ComparisonAt(out var width);
        if (op is null)
        {
            return left;
        }

        var opToken = Current;
        _index += width;
        var right = ParseAdditive();
        var node = Checked(new BinaryNode(left.Start, right.End, op.Value, left, right));
        if (ComparisonAt(out _) is not null)
        {
            throw new ExpressionFailure(
                Current.Start,
                $"Comparisons cannot be chained: {Current.Display} follows the {opToken.Display} at {opToken.Start}. Join them with && instead, e.g. a < b && b < c.");
        }

        return node;
    }

    private BinaryOperator? ComparisonAt(out int width)
    {
        width = 1;
        switch (Current.Kind)
        {
            case TokenKind.Equal: return BinaryOperator.Equal;
            case TokenKind.NotEqual: return BinaryOperator.NotEqual;
            case TokenKind.Less: return BinaryOperator.Less;
            case TokenKind.LessOrEqual: return BinaryOperator.LessOrEqual;
            case TokenKind.Greater: return BinaryOperator.Greater;
            case TokenKind.GreaterOrEqual: return BinaryOperator.GreaterOrEqual;
            case TokenKind.In: return BinaryOperator.In;
            case TokenKind.Not when _tokens[_index + 1].Kind == TokenKind.In:
                width = 2;
                return BinaryOperator.NotIn;
            default: return null;
        }
    }

    private SyntaxNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Current.Kind is TokenKind.Plus or TokenKind.Minus)
        {
            var op = Advance().Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
            var right = ParseMultiplicative();
            left = Checked(new BinaryNode(left.Start, right.End, op, left, right));
        }

        return left;
    }

    private SyntaxNode ParseMultiplicative()
    {
        var left = ParseNegate();
        while (Current.Kind is TokenKind.Star or TokenKind.Slash or TokenKind.Percent)
        {
            var op = Advance().Kind switch
            {
                TokenKind.Star => BinaryOperator.Multiply,
                TokenKind.Slash => BinaryOperator.Divide,
                _ => BinaryOperator.Remainder,
            };
            var right = ParseNegate();
            left = Checked(new BinaryNode(left.Start, right.End, op, left, right));
        }

        return left;
    }

    private SyntaxNode ParseNegate()
    {
        var token = Current;
        if (!Accept(TokenKind.Minus))
        {
            return ParsePrimary();
        }

        Enter(token);
        var operand = ParseNegate();
        _depth--;

        // Folding "-5" into one literal keeps negative constants flat and lets the formatter print them back as "-5".
        return operand is LiteralNode { Value: NumberValue number }
            ? new LiteralNode(token.Start, operand.End, ExpressionValue.Of(-number.Value))
            : Checked(new NegateNode(token.Start, operand.End, operand));
    }

    private SyntaxNode ParsePrimary()
    {
        var token = Advance();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new LiteralNode(token.Start, token.End, ExpressionValue.Of((decimal)token.Value!));
            case TokenKind.Text:
                return new LiteralNode(token.Start, token.End, ExpressionValue.Of((string)token.Value!));
            case TokenKind.True:
                return new LiteralNode(token.Start, token.End, ExpressionValue.True);
            case TokenKind.False:
                return new LiteralNode(token.Start, token.End, ExpressionValue.False);
            case TokenKind.Null:
                return new LiteralNode(token.Start, token.End, ExpressionValue.Null);
            case TokenKind.Not:
                // "a == !b": allowed as an operand too; it still covers a whole comparison to its right.
                _index--;
                return ParseNot();
            case TokenKind.OpenParen:
                Enter(token);
                var inner = ParseOr();
                Expect(TokenKind.CloseParen, $"Expected ')' to close '(' opened at {token.Start}");
                _depth--;
                return inner;
            case TokenKind.OpenBracket:
                return ParseList(token);
            case TokenKind.Identifier when Current.Kind == TokenKind.OpenParen:
                return ParseCall(token);
            case TokenKind.Identifier:
                return ParseField(token);
            case TokenKind.End:
                throw new ExpressionFailure(token.Start, _index == 1 ? "The expression is empty." : "The expression ends too early; a value is missing at the end.");
            default:
                throw new ExpressionFailure(token.Start, $"Expected a value (a number, text, field, list or function call) but found {token.Display}.");
        }
    }

    private ListNode ParseList(Token open)
    {
        Enter(open);
        var items = ImmutableArray.CreateBuilder<SyntaxNode>();
        if (Current.Kind != TokenKind.CloseBracket)
        {
            do
            {
                if (items.Count == ExpressionLimits.MaxListItems)
                {
                    throw new ExpressionFailure(Current.Start, $"A list may have at most {ExpressionLimits.MaxListItems:N0} items.");
                }

                items.Add(ParseOr());
            }
            while (Accept(TokenKind.Comma));
        }

        var close = Expect(TokenKind.CloseBracket, $"Expected ']' or ',' in the list opened at {open.Start}");
        _depth--;
        return Checked(new ListNode(open.Start, close.End, items.ToImmutable()));
    }

    private SyntaxNode ParseCall(Token name)
    {
        var open = Advance();
        Enter(open);
        var arguments = ImmutableArray.CreateBuilder<SyntaxNode>();
        if (Current.Kind != TokenKind.CloseParen)
        {
            do
            {
                arguments.Add(ParseOr());
            }
            while (Accept(TokenKind.Comma));
        }

        var close = Expect(TokenKind.CloseParen, $"Expected ')' or ',' in the call to {name.Source}() opened at {open.Start}");
        _depth--;
        var functionName = (string)name.Value!;
        if (!BuiltInFunctions.ByName.TryGetValue(functionName, out var function))
        {
            var suggestion = Spelling.Suggest(functionName, BuiltInFunctions.ByName.Keys);
            var known = string.Join(", ", BuiltInFunctions.ByName.Keys);
            _errors.Add(new ExpressionError(name.Start, $"Unknown function '{functionName}'{suggestion}. The functions are: {known}."));
            return new LiteralNode(name.Start, close.End, ExpressionValue.Null);
        }

        if (arguments.Count < function.MinArguments || arguments.Count > function.MaxArguments)
        {
            var expected = function.MinArguments == function.MaxArguments ? $"{function.MinArguments}" : $"{function.MinArguments} or {function.MaxArguments}";
            _errors.Add(new ExpressionError(name.Start, $"{function.Name}() takes {expected} argument(s) but was given {arguments.Count}. Usage: {function.Usage}."));
        }

        return Checked(new CallNode(name.Start, close.End, function, arguments.ToImmutable()));
    }

    private FieldNode ParseField(Token first)
    {
        var path = ImmutableArray.CreateBuilder<string>();
        path.Add((string)first.Value!);
        var end = first.End;
        while (Accept(TokenKind.Dot))
        {
            var segment = Expect(TokenKind.Identifier, $"Expected a field name after '.' in '{string.Join('.', path)}.'");
            path.Add((string)segment.Value!);
            end = segment.End;
        }

        return new FieldNode(first.Start, end, path.ToImmutable());
    }

    private Token Expect(TokenKind kind, string message)
    {
        if (Current.Kind != kind)
        {
            throw new ExpressionFailure(Current.Start, $"{message}, but found {Current.Display}.");
        }

        return Advance();
    }

    private void Enter(Token token)
    {
        if (++_depth > ExpressionLimits.MaxNestingDepth)
        {
            throw TooDeep(token.Start);
        }
    }

    private static T Checked<T>(T node)
        where T : SyntaxNode =>
        node.Height > ExpressionLimits.MaxNestingDepth ? throw TooDeep(node.Start) : node;

    private static ExpressionFailure TooDeep(int position) => new(
        position,
        $"The expression nests more than {ExpressionLimits.MaxNestingDepth} levels deep (parentheses, lists, calls, '!'/'-' or chained operators). Split it into simpler conditions.");
}
