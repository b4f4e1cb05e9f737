using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using static Workflows.Engine.Expressions.ExpressionType;

namespace Workflows.Engine.Expressions;

/// <summary>
/// The complete, fixed function set. Nothing reads the clock, the culture or the environment, so results
/// depend only on the arguments: the same dossier data always gives the same decision.
/// </summary>
internal static class BuiltInFunctions
{
    public static FrozenDictionary<string, BuiltInFunction> ByName { get; } = new BuiltInFunction[]
    {
        new("len", "len(textOrList)", 1, [[Text, List]], Number, Length),
        new("contains", "contains(textOrList, value)", 2, [[Text, List], [Any]], ExpressionType.Boolean, Contains),
        new("isEmpty", "isEmpty(value)", 1, [[Any]], ExpressionType.Boolean, IsEmpty),
        new("startsWith", "startsWith(text, prefix)", 2, [[Text], [Text]], ExpressionType.Boolean, StartsWith),
        new("lower", "lower(text)", 1, [[Text]], Text, c => ExpressionValue.Of(c.Argument<TextValue>(0).Value.ToLowerInvariant())),
        new("upper", "upper(text)", 1, [[Text]], Text, c => ExpressionValue.Of(c.Argument<TextValue>(0).Value.ToUpperInvariant())),
        new("round", "round(number, digits)", 1, [[Number], [Number]], Number, Round),
        new("min", "min(a, b)", 2, [[Number, Text, Date], [Number, Text, Date]], Any, c => Extreme(c, pickLarger: false)),
        new("max", "max(a, b)", 2, [[Number, Text, Date], [Number, Text, Date]], Any, c => Extreme(c, pickLarger: true)),
        new("date", "date(\"yyyy-MM-dd\")", 1, [[Text, Date]], Date, ToDate),
        new("daysBetween", "daysBetween(fromDate, toDate)", 2, [[Date], [Date]], Number, DaysBetween),
    }.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);

    // Counts what a person sees as characters, so "Nguyễn" is 6 whether typed precomposed or with combining marks.
    private static NumberValue Length(FunctionCall c) => c[0] switch
    {
        TextValue text => ExpressionValue.Of(new StringInfo(text.Value).LengthInTextElements),
        ListValue list => ExpressionValue.Of(list.Items.Length),
        _ => throw c.WrongArgument(0),
    };

    private static BooleanValue Contains(FunctionCall c)
    {
        switch (c[0])
        {
            case TextValue text:
                var needle = c[1] as TextValue ?? throw c.Fail($"looking for {c[1].Describe()} inside text; the second argument must be text too.");
                return ExpressionValue.Of(text.Value.Contains(needle.Value, StringComparison.Ordinal));
            case ListValue list:
                return ExpressionValue.Of(c.Evaluator.ListContains(list, c[1], c.Node));
            default:
                throw c.WrongArgument(0);
        }
    }

    private static BooleanValue IsEmpty(FunctionCall c) => ExpressionValue.Of(c[0] switch
    {
        NullValue => true,
        TextValue text => text.Value.Length == 0,
        ListValue list => list.Items.IsEmpty,
        ObjectValue obj => obj.Properties.IsEmpty,
        _ => false,
    });

    private static BooleanValue StartsWith(FunctionCall c) =>
        ExpressionValue.Of(c.Argument<TextValue>(0).Value.StartsWith(c.Argument<TextValue>(1).Value, StringComparison.Ordinal));

    // Away from zero, as fees are rounded on Vietnamese receipts; banker's rounding would surprise officials.
    private static NumberValue Round(FunctionCall c)
    {
        var number = c.Argument<NumberValue>(0).Value;
        var digits = c.Count > 1 ? c.Argument<NumberValue>(1).Value : 0m;
        if (digits != decimal.Truncate(digits) || digits < 0 || digits > 28)
        {
            throw c.Fail($"the number of digits must be a whole number from 0 to 28, not {digits.ToString(CultureInfo.InvariantCulture)}.");
        }

        return ExpressionValue.Of(Math.Round(number, (int)digits, MidpointRounding.AwayFromZero));
    }

    private static ExpressionValue Extreme(FunctionCall c, bool pickLarger)
    {
        var order = Evaluator.Order(c[0], c[1], c.Node, c.Node.Function.Name + "()");
        return (order < 0) == pickLarger ? c[1] : c[0];
    }

    private static DateValue ToDate(FunctionCall c) => c[0] switch
    {
        DateValue date => date,
        TextValue text when DateOnly.TryParseExact(text.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            => ExpressionValue.Of(date),
        TextValue text => throw c.Fail($"{text.Describe()} is not a date; write it as yyyy-MM-dd, e.g. \"2025-01-31\"."),
        _ => throw c.WrongArgument(0),
    };

    private static NumberValue DaysBetween(FunctionCall c)
    {
        var from = c.Argument<DateValue>(0).Value;
        var to = c.Argument<DateValue>(1).Value;
        return ExpressionValue.Of(to.DayNumber - from.DayNumber);
    }
}
