using static Workflows.Engine.Tests.Expressions.Evaluation;

namespace Workflows.Engine.Tests.Expressions;

public class OperatorTests
{
    private const string Dossier = """
        { "fee": 50000, "pages": 12, "channel": "online", "verificationNeeded": true,
          "hoTen": "Nguyễn Văn An", "applicant": { "age": 34, "province": "Hà Nội" }, "tags": ["a", "b"] }
        """;

    [Theory]
    [InlineData("fee > 0 && applicant.age >= 18", "true")]
    [InlineData("verificationNeeded == true", "true")]
    [InlineData("channel in [\"online\", \"desk\"]", "true")]
    [InlineData("channel not in ['online', 'desk']", "false")]
    [InlineData("pages * 2000", "24000")]
    [InlineData("fee / 3", "16666.666666666666666666666667")]
    [InlineData("pages % 5", "2")]
    [InlineData("0.1 + 0.2 == 0.3", "true")]
    [InlineData("1.50 == 1.5", "true")]
    [InlineData("pages - 20", "-8")]
    [InlineData("hoTen + ' (' + applicant.province + ')'", "\"Nguyễn Văn An (Hà Nội)\"")]
    [InlineData("fee != 0 and pages <= 12", "true")]
    [InlineData("fee < 50000 or pages > 12", "false")]
    [InlineData("\"b\" > \"a\"", "true")]
    [InlineData("date('2025-01-31') < date('2025-02-01')", "true")]
    [InlineData("date('2025-01-31') == date(\"2025-01-31\")", "true")]
    [InlineData("[1, 'x'] == [1, 'x']", "true")]
    [InlineData("[1, 2] == [1, 2, 3]", "false")]
    [InlineData("tags == ['a', 'b']", "true")]
    [InlineData("applicant == applicant", "true")]
    [InlineData("[fee, pages]", "[50000, 12]")]
    public void Operators_compute_over_dossier_data(string text, string expected) =>
        ValueOf(text, Dossier).ShouldBe(expected);

    [Theory]
    [InlineData("missing == null", "true")]
    [InlineData("missing != null", "false")]
    [InlineData("fee == null", "false")]
    [InlineData("null == null", "true")]
    [InlineData("null in [1, null]", "true")]
    [InlineData("'x' in [null, 'x']", "true")]
    [InlineData("applicant.missing == null", "true")]
    [InlineData("missing.deeper.still == null", "true")]
    public void Null_can_be_compared_with_anything_and_equals_only_null(string text, string expected) =>
        ValueOf(text, Dossier).ShouldBe(expected);

    [Theory]
    [InlineData("fee == \"50000\"", "Cannot compare a number (50000) with text (\"50000\") using ==")]
    [InlineData("verificationNeeded == 'true'", "Cannot compare a boolean (true) with text")]
    [InlineData("fee > 'a'", "Cannot order a number (50000) and text (\"a\") with >")]
    [InlineData("true < false", "Cannot order a boolean (true) and a boolean (false)")]
    [InlineData("missing > 0", "a missing value has no order")]
    [InlineData("fee + 'đ'", "'+' needs two numbers ('+' also joins two texts), but 'fee' is a number (50000) and ''đ'' is text (\"đ\")")]
    [InlineData("hoTen * 2", "'*' needs two numbers, but 'hoTen' is text")]
    [InlineData("-hoTen", "'-' needs a number, but 'hoTen' is text")]
    [InlineData("fee && true", "'&&' (and) needs true or false, but 'fee' is a number (50000)")]
    [InlineData("false || 'yes'", "'||' (or) needs true or false, but ''yes'' is text")]
    [InlineData("!missing", "'!' (not) needs true or false, but 'missing' is null")]
    [InlineData("channel in 'online'", "'in' needs a list on its right")]
    [InlineData("fee in ['50000']", "Cannot compare a number (50000) with text (\"50000\") using 'in'")]
    [InlineData("fee / 0", "Division by zero: '0' is 0.")]
    [InlineData("fee % (pages - 12)", "Division by zero")]
    [InlineData("79228162514264337593543950335 + 1", "too large")]
    [InlineData("applicant == 1", "Cannot compare an object")]
    public void Type_errors_are_errors_with_a_message_not_silently_false(string text, string message) =>
        ErrorOf(text, Dossier).ShouldContain(message);

    [Fact]
    public void In_reports_a_mixed_type_list_even_when_an_earlier_item_matched() =>
        ErrorOf("'a' in ['a', 1]").ShouldContain("Cannot compare text (\"a\") with a number (1)");

    [Theory]
    [InlineData("false && (1 / 0 == 1)", "false")]
    [InlineData("true || (1 / 0 == 1)", "true")]
    [InlineData("isEmpty(fee) || fee > 0", "true")]
    [InlineData("!isEmpty(nothing) && nothing > 0", "false")]
    public void And_and_or_short_circuit_so_guards_protect_what_follows(string text, string expected) =>
        ValueOf(text, """{ "fee": 5 }""").ShouldBe(expected);

    [Fact]
    public void An_error_points_at_the_failing_sub_expression()
    {
        var result = Run("fee > 0 && hoTen > 3", Dossier);
        result.ErrorPosition.ShouldBe(11);
    }
}
