using System.Text.Json;
using Workflows.Engine.Expressions;
using static Workflows.Engine.Tests.Expressions.Evaluation;

namespace Workflows.Engine.Tests.Expressions;

public class DataTests
{
    [Theory]
    [InlineData("hoTen == \"Nguyễn Văn An\"", "true")]
    [InlineData("hoTen == 'Nguyễn Văn An'", "true")]
    [InlineData("diaChi.tinh == 'Thừa Thiên Huế'", "true")]
    [InlineData("họTên == 'Trần Thị Bích'", "true")]
    [InlineData("hoTen != 'Nguyen Van An'", "true")]
    public void Vietnamese_text_and_field_names_with_diacritics_compare_exactly(string text, string expected) =>
        ValueOf(text, """{ "hoTen": "Nguyễn Văn An", "họTên": "Trần Thị Bích", "diaChi": { "tinh": "Thừa Thiên Huế" } }""").ShouldBe(expected);

    [Fact]
    public void Text_typed_with_combining_marks_equals_the_precomposed_form() =>
        // "ễ" as e + combining circumflex + combining tilde, as some Vietnamese keyboards produce it.
        ValueOf("hoTen == 'Nguyễn'", """{ "hoTen": "Nguye\u0302\u0303n" }""").ShouldBe("true");

    [Theory]
    [InlineData("'It\\'s'", "\"It's\"")]
    [InlineData("\"say \\\"hi\\\"\"", "\"say \\\"hi\\\"\"")]
    [InlineData("'a\\\\b'", "\"a\\\\b\"")]
    [InlineData("'tab\\there'", "\"tab\\there\"")]
    public void Strings_support_quote_and_backslash_escapes(string text, string expected) =>
        ValueOf(text).ShouldBe(expected);

    [Theory]
    [InlineData("a.b.c", """{ "a": { "b": { "c": 7 } } }""", "7")]
    [InlineData("a.b.c", """{ "a": { "b": null } }""", "null")]
    [InlineData("a.b.c", """{ "a": {} }""", "null")]
    [InlineData("a.b", """{ }""", "null")]
    [InlineData("a", """{ "a": null }""", "null")]
    [InlineData("a", """{ "a": [1, "x", true, null, [2]] }""", "[1, \"x\", true, null, [2]]")]
    [InlineData("len(rows)", """{ "rows": [{ "n": 1 }, { "n": 2 }] }""", "2")]
    [InlineData("a", """{ "a": 1.250 }""", "1.250")]
    public void Fields_are_read_by_dotted_path_and_missing_ones_are_null(string text, string json, string expected) =>
        ValueOf(text, json).ShouldBe(expected);

    [Theory]
    [InlineData("fee.amount", """{ "fee": 5 }""", "'fee.amount' cannot be read: 'fee' is a number, not a group of fields.")]
    [InlineData("a.b.c", """{ "a": { "b": "x" } }""", "'a.b.c' cannot be read: 'a.b' is text")]
    [InlineData("tags.first", """{ "tags": [] }""", "'tags.first' cannot be read: 'tags' is a list")]
    [InlineData("n", """{ "n": 1e40 }""", "'n' holds the number 1e40, which is outside the range")]
    public void Paths_into_values_that_are_not_objects_are_errors(string text, string json, string message) =>
        ErrorOf(text, json).ShouldStartWith(message);

    [Theory]
    [InlineData("pages * 2000", """{ "pages": 3 }""", "6000")]
    [InlineData("hoTen + ' - ' + upper(tinh)", """{ "hoTen": "Lê Văn Tám", "tinh": "huế" }""", "\"Lê Văn Tám - HUẾ\"")]
    [InlineData("date(ngay)", """{ "ngay": "2025-01-31" }""", "\"2025-01-31\"")]
    [InlineData("[1, null, false]", "{}", "[1,null,false]")]
    [InlineData("row", """{ "row": { "b": 1, "a": [2] } }""", """{"a":[2],"b":1}""")]
    public void Computed_values_are_written_back_as_json(string text, string json, string expectedJson) =>
        Run(text, json).Value!.ToJsonElement().GetRawText().ShouldBe(expectedJson);

    [Fact]
    public void Conditions_give_a_boolean_or_say_what_they_gave_instead()
    {
        Run("fee > 0", """{ "fee": 1 }""").TryGetBoolean(out var value, out _).ShouldBeTrue();
        value.ShouldBeTrue();

        Run("fee", """{ "fee": 3 }""").TryGetBoolean(out _, out var notBoolean).ShouldBeFalse();
        notBoolean.ShouldBe("The condition produced a number (3), not true/false.");

        Run("fee", "{}").TryGetBoolean(out _, out var missing).ShouldBeFalse();
        missing.ShouldStartWith("The condition produced null (a missing value)");

        Run("fee > 'a'", """{ "fee": 3 }""").TryGetBoolean(out _, out var failed).ShouldBeFalse();
        failed.ShouldStartWith("Cannot order");
    }

    [Fact]
    public void Values_compare_by_content()
    {
        ExpressionValue.Of([ExpressionValue.Of(1m), ExpressionValue.Of("a")])
            .ShouldBe(ExpressionValue.Of([ExpressionValue.Of(1.0m), ExpressionValue.Of("a")]));
        ExpressionValue.Of("Nguye\u0302\u0303n").ShouldBe(ExpressionValue.Of("Nguyễn"));
        Run("row", """{ "row": { "a": 1 } }""").Value.ShouldBe(Run("row", """{ "row": { "a": 1.0 } }""").Value);
    }

    [Fact]
    public void Undefined_json_elements_read_as_null() =>
        Parsed("x == null").Evaluate(new Dictionary<string, JsonElement> { ["x"] = default }).Value.ShouldBe(ExpressionValue.True);
}
