using static Workflows.Engine.Tests.Expressions.Evaluation;

namespace Workflows.Engine.Tests.Expressions;

public class PrecedenceTests
{
    [Theory]
    [InlineData("1 + 2 * 3", "7")]
    [InlineData("(1 + 2) * 3", "9")]
    [InlineData("10 - 4 - 3", "3")]
    [InlineData("10 - (4 - 3)", "9")]
    [InlineData("64 / 4 / 2", "8")]
    [InlineData("7 % 4 * 2", "6")]
    [InlineData("-2 * 3", "-6")]
    [InlineData("- (2 + 3)", "-5")]
    [InlineData("--5", "5")]
    [InlineData("2 - -3", "5")]
    [InlineData("1 + 2 == 3", "true")]
    [InlineData("true || false && false", "true")]
    [InlineData("(true || false) && false", "false")]
    [InlineData("!false && false", "false")]
    [InlineData("!(false && false)", "true")]
    [InlineData("!1 == 2", "true")]
    [InlineData("1 + 1 in [2, 3]", "true")]
    [InlineData("not 2 in [1]", "true")]
    [InlineData("false or not false and true", "true")]
    public void Operators_bind_with_the_usual_precedence_and_associate_left(string text, string expected) =>
        ValueOf(text).ShouldBe(expected);

    [Theory]
    [InlineData("a && b || c", "a && b || c")]
    [InlineData("a && (b || c)", "a && (b || c)")]
    [InlineData("a or b or c", "a || b || c")]
    [InlineData("not (a == 1)", "!(a == 1)")]
    [InlineData("a == !b", "a == (!b)")]
    [InlineData("((1 + 2)) * 3", "(1 + 2) * 3")]
    [InlineData("1 + (2 * 3)", "1 + 2 * 3")]
    [InlineData("1 - (2 - 3)", "1 - (2 - 3)")]
    [InlineData("(1 - 2) - 3", "1 - 2 - 3")]
    [InlineData("-x * 2", "-x * 2")]
    [InlineData("-(x * 2)", "-(x * 2)")]
    [InlineData("x not in ['a',\"b\"]", "x not in [\"a\", \"b\"]")]
    [InlineData("isEmpty( x )", "isEmpty(x)")]
    public void Canonical_text_keeps_only_the_parentheses_precedence_needs(string text, string canonical) =>
        Parsed(text).CanonicalText.ShouldBe(canonical);

    [Theory]
    [InlineData("1 < 2 < 3")]
    [InlineData("a == b == c")]
    [InlineData("a in b in c")]
    public void Comparisons_do_not_chain(string text) =>
        ParseErrorOf(text).Message.ShouldContain("cannot be chained");
}
