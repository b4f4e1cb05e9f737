using Workflows.Engine.Expressions;
using static Workflows.Engine.Tests.Expressions.Evaluation;

namespace Workflows.Engine.Tests.Expressions;

public class FieldCheckTests
{
    private static readonly Dictionary<string, ExpressionType> Form = new()
    {
        ["fee"] = ExpressionType.Number,
        ["hoTen"] = ExpressionType.Text,
        ["applicant"] = ExpressionType.Object,
        ["verificationNeeded"] = ExpressionType.Boolean,
        ["channel"] = ExpressionType.Text,
        ["attachments"] = ExpressionType.List,
        ["receivedOn"] = ExpressionType.Text,
        ["extra"] = ExpressionType.Any,
    };

    private static IReadOnlyList<ExpressionError> Check(string text) => Parsed(text).CheckFields(Form);

    [Theory]
    [InlineData("fee > 0 && applicant.age >= 18")]
    [InlineData("verificationNeeded == true")]
    [InlineData("channel in ['online', 'desk']")]
    [InlineData("hoTen + '!' == 'x'")]
    [InlineData("isEmpty(fee) || fee == null")]
    [InlineData("len(attachments) > 0 && contains(attachments, 'cmnd')")]
    [InlineData("daysBetween(date(receivedOn), date('2025-01-01')) < 30")]
    [InlineData("extra == 1 && extra.anything == 'x' && applicant.name == 1")]
    [InlineData("max(fee, 1) > 2")]
    public void Well_typed_expressions_over_known_fields_pass(string text) =>
        Check(text).ShouldBeEmpty();

    [Theory]
    [InlineData("feee > 0", 0, "Unknown field 'feee' (did you mean 'fee'?).")]
    [InlineData("hoten == 'An'", 0, "Unknown field 'hoten' (did you mean 'hoTen'?).")]
    [InlineData("zzz == 1", 0, "Unknown field 'zzz'.")]
    [InlineData("fee.amount > 0", 0, "'fee.amount' cannot be read: the field 'fee' is a number, not a group of fields.")]
    [InlineData("fee == '0'", 0, "Cannot compare the field 'fee' (a number) with '\"0\"' (text) using '=='; it would fail for every dossier.")]
    [InlineData("fee > 'a'", 0, "Cannot order the field 'fee' (a number) and '\"a\"' (text) with '>'")]
    [InlineData("channel in 'online'", 11, "'in' needs a list")]
    [InlineData("fee && true", 0, "'&&' (and) needs a boolean, but the field 'fee' is a number.")]
    [InlineData("!hoTen", 1, "'!' (not) needs a boolean")]
    [InlineData("hoTen * 2", 0, "'*' needs a number, but the field 'hoTen' is text.")]
    [InlineData("fee + hoTen", 0, "'+' needs text, but the field 'fee' is a number.")]
    [InlineData("len(fee) > 1", 4, "len() argument 1 needs text or a list, but the field 'fee' is a number.")]
    [InlineData("daysBetween(receivedOn, date('2025-01-01')) > 1", 12, "daysBetween() argument 1 needs a date, but the field 'receivedOn' is text.")]
    [InlineData("len(hoTen) == 'x'", 0, "Cannot compare 'len(hoTen)' (a number) with '\"x\"' (text)")]
    public void Mistakes_against_the_form_schema_are_reported_with_positions(string text, int position, string message)
    {
        var error = Check(text).ShouldHaveSingleItem();
        error.Position.ShouldBe(position);
        error.Message.ShouldStartWith(message);
    }

    [Fact]
    public void An_unknown_field_is_reported_once_however_often_it_is_used() =>
        Check("feee > 0 && feee < 10").Count.ShouldBe(1);

    [Fact]
    public void A_schema_given_as_a_function_is_checked_without_suggestions() =>
        Parsed("feee > 0").CheckFields(name => Form.TryGetValue(name, out var t) ? t : null)
            .ShouldHaveSingleItem().Message.ShouldBe("Unknown field 'feee'.");
}
