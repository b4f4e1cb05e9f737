namespace Workflows.Engine.Expressions;

/// <summary>
/// Static check against a form schema, run by the definition validator before a version is published, so a
/// misspelt field or a number compared with text is caught by the analyst, not by a dossier at run time.
/// It infers a type per node and only reports what is certainly wrong: anything unknown is
/// <see cref="ExpressionType.Any"/> and passes.
/// </summary>
internal sealed class FieldChecker
{
    private readonly Func<string, ExpressionType?> _typeOf;
    private readonly IEnumerable<string> _knownFields;
    private readonly List<ExpressionError> _errors = [];
    private readonly HashSet<string> _reportedUnknown = new(StringComparer.Ordinal);

    private FieldChecker(Func<string, ExpressionType?> typeOf, IEnumerable<string> knownFields)
    {
        _typeOf = typeOf;
        _knownFields = knownFields;
    }

    public static IReadOnlyList<ExpressionError> Check(SyntaxNode root, Func<string, ExpressionType?> typeOf, IEnumerable<string> knownFields)
    {
        var checker = new FieldChecker(typeOf, knownFields);
        checker.Infer(root);
        return checker._errors.AsReadOnly();
    }

    private ExpressionType Infer(SyntaxNode node)
    {
        switch (node)
        {
            case LiteralNode literal:
                return literal.Value.Type;
            case FieldNode field:
                return InferField(field);
            case ListNode list:
                foreach (var item in list.Items)
                {
                    Infer(item);
                }

                return ExpressionType.List;
            case NotNode not:
                Require(not.Operand, Infer(not.Operand), "'!' (not)", ExpressionType.Boolean);
                return ExpressionType.Boolean;
            case NegateNode negate:
                Require(negate.Operand, Infer(negate.Operand), "'-'", ExpressionType.Number);
                return ExpressionType.Number;
            case LogicalNode logical:
                foreach (var operand in logical.Operands)
                {
                    Require(operand, Infer(operand), logical.IsAnd ? "'&&' (and)" : "'||' (or)", ExpressionType.Boolean);
                }

                return ExpressionType.Boolean;
            case BinaryNode binary:
                return InferBinary(binary, Infer(binary.Left), Infer(binary.Right));
            case CallNode call:
                return InferCall(call);
            default:
                return ExpressionType.Any;
        }
    }

    private ExpressionType InferField(FieldNode field)
    {
        var name = field.Path[0];
        var type = _typeOf(name);
        if (type is null)
        {
            if (_reportedUnknown.Add(name))
            {
                _errors.Add(new ExpressionError(field.Start, $"Unknown field '{name}'{Spelling.Suggest(name, _knownFields)}."));
            }

            return ExpressionType.Any;
        }

        if (field.Path.Length == 1)
        {
            return type.Value;
        }

        if (type is not (ExpressionType.Object or ExpressionType.Any))
        {
            _errors.Add(new ExpressionError(field.Start, $"'{field.DottedPath}' cannot be read: the field '{name}' is {ExpressionValue.TypeName(type.Value)}, not a group of fields."));
        }

        // The schema is flat here; what lies inside an object field is only known at run time.
        return ExpressionType.Any;
    }

    private ExpressionType InferBinary(BinaryNode node, ExpressionType left, ExpressionType right)
    {
        var symbol = "'" + BinaryNode.Symbol(node.Operator) + "'";
        switch (node.Operator)
        {
            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                if (IsKnown(left) && IsKnown(right) && left != right && left != ExpressionType.Null && right != ExpressionType.Null)
                {
                    Report(node, $"Cannot compare {Describe(node.Left, left)} with {Describe(node.Right, right)} using {symbol}; it would fail for every dossier.");
                }

                return ExpressionType.Boolean;
            case BinaryOperator.In or BinaryOperator.NotIn:
                Require(node.Right, right, symbol, ExpressionType.List);
                return ExpressionType.Boolean;
            case BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual:
                Require(node.Left, left, symbol, ExpressionType.Number, ExpressionType.Text, ExpressionType.Date);
                Require(node.Right, right, symbol, ExpressionType.Number, ExpressionType.Text, ExpressionType.Date);
                if (IsOrdered(left) && IsOrdered(right) && left != right)
                {
                    Report(node, $"Cannot order {Describe(node.Left, left)} and {Describe(node.Right, right)} with {symbol}; both sides must be of the same type.");
                }

                return ExpressionType.Boolean;
            case BinaryOperator.Add when left == ExpressionType.Text || right == ExpressionType.Text:
                Require(node.Left, left, symbol, ExpressionType.Text);
                Require(node.Right, right, symbol, ExpressionType.Text);
                return ExpressionType.Text;
            default:
                Require(node.Left, left, symbol, ExpressionType.Number);
                Require(node.Right, right, symbol, ExpressionType.Number);
                return ExpressionType.Number;
        }
    }

    private ExpressionType InferCall(CallNode call)
    {
        var function = call.Function;
        var types = call.Arguments.Select(Infer).ToList();
        for (var i = 0; i < types.Count && i < function.Parameters.Length; i++)
        {
            var allowed = function.Parameters[i];
            if (!allowed.Contains(ExpressionType.Any))
            {
                Require(call.Arguments[i], types[i], $"{function.Name}() argument {i + 1}", [.. allowed]);
            }
        }

        return function.ReturnType != ExpressionType.Any ? function.ReturnType : types.FirstOrDefault(IsKnown, ExpressionType.Any);
    }

    private void Require(SyntaxNode node, ExpressionType actual, string what, params ExpressionType[] allowed)
    {
        if (IsKnown(actual) && !allowed.Contains(actual))
        {
            var expected = string.Join(" or ", allowed.Select(ExpressionValue.TypeName));
            Report(node, $"{what} needs {expected}, but {Name(node)} is {ExpressionValue.TypeName(actual)}.");
        }
    }

    private void Report(SyntaxNode node, string message) => _errors.Add(new ExpressionError(node.Start, message));

    private static bool IsKnown(ExpressionType type) => type != ExpressionType.Any;

    private static bool IsOrdered(ExpressionType type) => type is ExpressionType.Number or ExpressionType.Text or ExpressionType.Date;

    private static string Name(SyntaxNode node) => (node is FieldNode ? "the field '" : "'") + ExpressionFormatter.Format(node) + "'";

    private static string Describe(SyntaxNode node, ExpressionType type) => $"{Name(node)} ({ExpressionValue.TypeName(type)})";
}
