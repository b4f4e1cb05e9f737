using System.Collections.Immutable;
using System.Text.Json;

namespace Workflows.Engine.Expressions;

/// <summary>
/// A parsed condition or computed value over dossier data, e.g. <c>fee &gt; 0 &amp;&amp; applicant.age &gt;= 18</c>.
/// Immutable and thread-safe: parse once per definition version, evaluate for every dossier.
/// Evaluation is deterministic (no clock, culture or I/O) and bounded by <see cref="ExpressionLimits"/>.
/// </summary>
public sealed class Expression
{
    private readonly SyntaxNode _root;

    private Expression(string text, SyntaxNode root)
    {
        Text = text;
        _root = root;
        var paths = new List<FieldNode>();
        CollectFields(root, paths);
        ReferencedPaths = [.. paths.Select(p => p.DottedPath).Distinct(StringComparer.Ordinal)];
        ReferencedFields = [.. paths.Select(p => p.Path[0]).Distinct(StringComparer.Ordinal)];
        CanonicalText = ExpressionFormatter.Format(root);
    }

    /// <summary>The text as written; <c>Parse(Text)</c> gives an equivalent expression.</summary>
    public string Text { get; }

    /// <summary>
    /// The same expression in normalized form ("and" as &amp;&amp;, double quotes, minimal parentheses, single spaces).
    /// Equal canonical texts mean equal expressions; parsing it gives it back unchanged.
    /// </summary>
    public string CanonicalText { get; }

    /// <summary>Top-level form field keys the expression reads, in order of first use ("applicant" for applicant.age).</summary>
    public IReadOnlyCollection<string> ReferencedFields { get; }

    /// <summary>Full dotted paths the expression reads, in order of first use ("applicant.age").</summary>
    public IReadOnlyCollection<string> ReferencedPaths { get; }

    /// <summary>Parses <paramref name="text"/>. Never throws on bad input; problems come back as errors with positions.</summary>
    public static ExpressionParseResult Parse(string text)
    {
        if (text is null)
        {
            return Failed(0, "The expression is empty.");
        }

        if (text.Length > ExpressionLimits.MaxTextLength)
        {
            return Failed(ExpressionLimits.MaxTextLength, $"The expression is {text.Length:N0} characters long; the limit is {ExpressionLimits.MaxTextLength:N0}.");
        }

        var errors = new List<ExpressionError>();
        var root = Parser.Parse(text, errors);
        return root is null
            ? new ExpressionParseResult(null, errors.AsReadOnly())
            : new ExpressionParseResult(new Expression(text, root), []);
    }

    /// <summary>Evaluates against one dossier's data (top-level keys are form field keys). Never throws on bad data.</summary>
    public ExpressionResult Evaluate(IReadOnlyDictionary<string, JsonElement> data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            return new ExpressionResult(new Evaluator(Text, data).Evaluate(_root), null);
        }
        catch (ExpressionFailure failure)
        {
            return new ExpressionResult(null, failure.Message) { ErrorPosition = failure.Position };
        }
    }

    /// <summary>
    /// Static checks for the definition validator against a form schema: unknown top-level fields (with a
    /// "did you mean" suggestion), paths into fields that are not objects, and operator or function uses
    /// whose operand types are known to be wrong. Empty when nothing is wrong.
    /// </summary>
    public IReadOnlyList<ExpressionError> CheckFields(IReadOnlyDictionary<string, ExpressionType> fieldTypes)
    {
        ArgumentNullException.ThrowIfNull(fieldTypes);
        return FieldChecker.Check(_root, name => fieldTypes.TryGetValue(name, out var type) ? type : null, fieldTypes.Keys);
    }

    /// <summary>As <see cref="CheckFields(IReadOnlyDictionary{string, ExpressionType})"/>, for schemas that can only be asked (no suggestions).</summary>
    public IReadOnlyList<ExpressionError> CheckFields(Func<string, ExpressionType?> fieldTypeOf)
    {
        ArgumentNullException.ThrowIfNull(fieldTypeOf);
        return FieldChecker.Check(_root, fieldTypeOf, []);
    }

    public override string ToString() => Text;

    private static ExpressionParseResult Failed(int position, string message) => new(null, [new ExpressionError(position, message)]);

    private static void CollectFields(SyntaxNode node, List<FieldNode> fields)
    {
        switch (node)
        {
            case FieldNode field:
                fields.Add(field);
                break;
            case ListNode list:
                list.Items.ForEach(i => CollectFields(i, fields));
                break;
            case CallNode call:
                call.Arguments.ForEach(a => CollectFields(a, fields));
                break;
            case LogicalNode logical:
                logical.Operands.ForEach(o => CollectFields(o, fields));
                break;
            case NotNode not:
                CollectFields(not.Operand, fields);
                break;
            case NegateNode negate:
                CollectFields(negate.Operand, fields);
                break;
            case BinaryNode binary:
                CollectFields(binary.Left, fields);
                CollectFields(binary.Right, fields);
                break;
            default:
                break;
        }
    }
}

file static class ImmutableArrayExtensions
{
    public static void ForEach<T>(this ImmutableArray<T> items, Action<T> action)
    {
        foreach (var item in items)
        {
            action(item);
        }
    }
}
