using Workflows.Engine.Expressions;
using static Workflows.Engine.Tests.Expressions.Evaluation;

namespace Workflows.Engine.Tests.Expressions;

public class ParseErrorTests
{
    [Theory]
    [InlineData("", 0, "The expression is empty.")]
    [InlineData("   ", 3, "The expression is empty.")]
    [InlineData("(fee > 0", 8, "Expected ')' to close '(' opened at 0")]
    [InlineData("a && (b || (c", 13, "Expected ')' to close '(' opened at 11")]
    [InlineData("hoTen == \"Nguyễn", 9, "is not closed")]
    [InlineData("x == 'abc", 5, "is not closed")]
    [InlineData("fee > 0 fee", 8, "Unexpected 'fee' after a complete expression")]
    [InlineData("fee > 0)", 7, "without a matching '('")]
    [InlineData("fee >", 5, "ends too early")]
    [InlineData("fee = 0", 4, "Use '=='")]
    [InlineData("a & b", 2, "Use '&&'")]
    [InlineData("a | b", 2, "Use '||'")]
    [InlineData("x == “a”", 5, "straight quotes")]
    [InlineData("1.", 2, "digit after the decimal point")]
    [InlineData("12abc", 2, "after the number 12")]
    [InlineData("99999999999999999999999999999999", 0, "too large")]
    [InlineData("'a\\q'", 2, "Unknown escape")]
    [InlineData("[1, 2", 5, "Expected ']' or ','")]
    [InlineData("len(x", 5, "in the call to len()")]
    [InlineData("applicant.", 10, "Expected a field name after '.'")]
    [InlineData("* 2", 0, "Expected a value")]
    [InlineData("#", 0, "Unexpected character '#'")]
    public void Syntax_errors_say_what_is_wrong_and_where(string text, int position, string message)
    {
        var error = ParseErrorOf(text);
        error.Position.ShouldBe(position);
        error.Message.ShouldContain(message);
    }

    [Fact]
    public void An_unknown_function_is_named_with_a_suggestion_and_the_list_of_functions()
    {
        var error = ParseErrorOf("lenght(hoTen) > 3");
        error.Position.ShouldBe(0);
        error.Message.ShouldStartWith("Unknown function 'lenght' (did you mean 'len'?).");
        error.Message.ShouldContain("daysBetween");
    }

    [Fact]
    public void Function_names_are_case_sensitive_and_the_suggestion_fixes_the_case() =>
        ParseErrorOf("IsEmpty(x)").Message.ShouldStartWith("Unknown function 'IsEmpty' (did you mean 'isEmpty'?)");

    [Theory]
    [InlineData("len()", "len() takes 1 argument(s) but was given 0")]
    [InlineData("contains('a')", "contains() takes 2 argument(s) but was given 1")]
    [InlineData("round(1, 2, 3)", "round() takes 1 or 2 argument(s) but was given 3")]
    public void Calls_with_the_wrong_number_of_arguments_are_rejected(string text, string message) =>
        ParseErrorOf(text).Message.ShouldStartWith(message);

    [Fact]
    public void Several_unknown_functions_are_all_reported()
    {
        var parsed = Expression.Parse("foo(1) && bar(2)");
        parsed.Errors.Select(e => e.Position).ShouldBe([0, 10]);
    }

    [Fact]
    public void A_null_text_is_reported_as_empty_not_thrown() =>
        Expression.Parse(null!).Errors.ShouldHaveSingleItem().Message.ShouldBe("The expression is empty.");

    [Theory]
    [InlineData("applicant.null")]
    [InlineData("in")]
    [InlineData("not")]
    public void Keywords_cannot_be_used_as_field_names(string keyword) =>
        Expression.Parse($"{keyword} == 1").Succeeded.ShouldBeFalse();
}
