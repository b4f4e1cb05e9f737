using static Workflows.Engine.Tests.Expressions.Evaluation;

namespace Workflows.Engine.Tests.Expressions;

public class FunctionTests
{
    private const string Dossier = """
        { "hoTen": "Nguyễn Văn An", "decomposed": "Nguye\u0302\u0303n", "tags": ["a", "b"], "empty": "", "none": [],
          "received": "2025-01-31", "due": "2025-03-03", "fee": 12345.675, "group": {}, "row": { "x": 1 } }
        """;

    [Theory]
    [InlineData("len(hoTen)", "13")]
    [InlineData("len(decomposed)", "6")]
    [InlineData("len(tags)", "2")]
    [InlineData("len('')", "0")]
    [InlineData("contains(hoTen, 'Văn')", "true")]
    [InlineData("contains(hoTen, 'văn')", "false")]
    [InlineData("contains(tags, 'b')", "true")]
    [InlineData("contains(tags, 'c')", "false")]
    [InlineData("contains([1, 2], 2)", "true")]
    [InlineData("isEmpty(missing)", "true")]
    [InlineData("isEmpty(empty)", "true")]
    [InlineData("isEmpty(none)", "true")]
    [InlineData("isEmpty(group)", "true")]
    [InlineData("isEmpty(row)", "false")]
    [InlineData("isEmpty(null)", "true")]
    [InlineData("isEmpty(' ')", "false")]
    [InlineData("isEmpty(0)", "false")]
    [InlineData("isEmpty(false)", "false")]
    [InlineData("startsWith(hoTen, 'Nguyễn')", "true")]
    [InlineData("startsWith(hoTen, 'An')", "false")]
    [InlineData("lower(hoTen)", "\"nguyễn văn an\"")]
    [InlineData("upper('đường')", "\"ĐƯỜNG\"")]
    [InlineData("round(fee, 2)", "12345.68")]
    [InlineData("round(2.5)", "3")]
    [InlineData("round(-2.5, 0)", "-3")]
    [InlineData("round(fee, 0) == 12346", "true")]
    [InlineData("min(3, 5)", "3")]
    [InlineData("max(3, 5)", "5")]
    [InlineData("max('a', 'b')", "\"b\"")]
    [InlineData("min(date(received), date(due))", "date(\"2025-01-31\")")]
    [InlineData("date(received)", "date(\"2025-01-31\")")]
    [InlineData("date(date(received))", "date(\"2025-01-31\")")]
    [InlineData("daysBetween(date(received), date(due))", "31")]
    [InlineData("daysBetween(date(due), date(received))", "-31")]
    [InlineData("daysBetween(date('2024-02-28'), date('2024-03-01'))", "2")]
    public void Functions_compute_what_their_names_say(string text, string expected) =>
        ValueOf(text, Dossier).ShouldBe(expected);

    [Theory]
    [InlineData("len(missing)", "len() expects text or a list as argument 1, but got null (a missing or empty value). Usage: len(textOrList).")]
    [InlineData("len(5)", "len() expects text or a list as argument 1, but got a number (5)")]
    [InlineData("contains(hoTen, 1)", "the second argument must be text too")]
    [InlineData("contains(5, 1)", "contains() expects text or a list as argument 1")]
    [InlineData("contains([1], 'a')", "Cannot compare text (\"a\") with a number (1)")]
    [InlineData("startsWith(hoTen, 1)", "startsWith() expects text as argument 2")]
    [InlineData("lower(1)", "lower() expects text as argument 1")]
    [InlineData("upper(null)", "upper() expects text as argument 1, but got null")]
    [InlineData("round('1')", "round() expects a number as argument 1")]
    [InlineData("round(1, 0.5)", "whole number from 0 to 28, not 0.5")]
    [InlineData("round(1, 29)", "whole number from 0 to 28")]
    [InlineData("min(1, 'a')", "Cannot order a number (1) and text (\"a\") with min()")]
    [InlineData("max(null, 1)", "a missing value has no order")]
    [InlineData("date('31/01/2025')", "date(): text (\"31/01/2025\") is not a date; write it as yyyy-MM-dd")]
    [InlineData("date('2025-02-30')", "is not a date")]
    [InlineData("date(20250131)", "date() expects text or a date as argument 1")]
    [InlineData("daysBetween(received, due)", "daysBetween() expects a date as argument 1, but got text (\"2025-01-31\")")]
    public void Functions_reject_wrong_arguments_with_their_usage(string text, string message) =>
        ErrorOf(text, Dossier).ShouldContain(message);

    [Fact]
    public void A_date_looking_string_stays_text_until_passed_through_date() =>
        ErrorOf("received < date('2025-02-01')", Dossier).ShouldContain("Cannot order text (\"2025-01-31\") and a date");
}
