using System.Text.Json;
using Workflows.Engine.Expressions;
using static Workflows.Engine.Tests.Expressions.Evaluation;

namespace Workflows.Engine.Tests.Expressions;

public class LimitTests
{
    [Fact]
    public void Ten_thousand_parentheses_are_an_error_not_a_crash() =>
        ParseErrorOf(new string('(', 10_000) + "1" + new string(')', 10_000)).Message.ShouldContain("the limit is 4,000");

    [Theory]
    [InlineData(65)]
    [InlineData(1_999)]
    public void Parentheses_nested_past_the_limit_are_an_error_not_a_stack_overflow(int depth)
    {
        var error = ParseErrorOf(new string('(', depth) + "1" + new string(')', depth));
        error.Message.ShouldContain("nests more than 64 levels deep");
        error.Position.ShouldBe(64);
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_fine() =>
        ValueOf(new string('(', 64) + "1" + new string(')', 64)).ShouldBe("1");

    [Theory]
    [InlineData("!", 1_000)]
    [InlineData("-", 1_000)]
    [InlineData("[", 1_000)]
    [InlineData("len(", 500)]
    public void Deep_unary_chains_lists_and_calls_are_refused(string opener, int count) =>
        ParseErrorOf(string.Concat(Enumerable.Repeat(opener, count)) + "1").Message.ShouldContain("levels deep");

    [Fact]
    public void A_long_chain_of_arithmetic_counts_as_nesting()
    {
        ParseErrorOf(string.Join(" + ", Enumerable.Repeat("1", 100))).Message.ShouldContain("chained operators");
        ValueOf(string.Join(" + ", Enumerable.Repeat("1", 60))).ShouldBe("60");
    }

    [Fact]
    public void A_long_chain_of_or_conditions_stays_flat_and_is_allowed()
    {
        var text = string.Join(" || ", Enumerable.Range(0, 250).Select(i => $"c == {i}"));
        ValueOf(text, """{ "c": 249 }""").ShouldBe("true");
    }

    [Fact]
    public void Text_longer_than_the_limit_is_refused_before_parsing()
    {
        var error = ParseErrorOf(new string(' ', 4_000) + "1");
        error.Position.ShouldBe(4_000);
        error.Message.ShouldBe("The expression is 4,001 characters long; the limit is 4,000.");
    }

    [Fact]
    public void A_list_literal_may_have_at_most_a_thousand_items()
    {
        static string ListOf(int n) => "[" + string.Join(",", Enumerable.Repeat("1", n)) + "]";
        ValueOf($"len({ListOf(1_000)})").ShouldBe("1000");
        ParseErrorOf($"len({ListOf(1_001)})").Message.ShouldBe("A list may have at most 1,000 items.");
    }

    [Fact]
    public void Work_on_huge_lists_in_the_data_is_bounded_by_the_step_budget()
    {
        var big = JsonSerializer.SerializeToElement(Enumerable.Range(0, 20_000).ToArray());
        var data = new Dictionary<string, JsonElement> { ["numbers"] = big };
        var result = Parsed("contains(numbers, -1)").Evaluate(data);
        result.Error.ShouldBe("The expression needed more than 10,000 evaluation steps (nodes plus list items touched); simplify it or the data it reads.");
    }

    [Fact]
    public void Repeated_work_on_a_moderate_list_also_hits_the_budget()
    {
        var data = new Dictionary<string, JsonElement> { ["xs"] = JsonSerializer.SerializeToElement(Enumerable.Range(0, 1_500).ToArray()) };
        Parsed("len(xs) > 0").Evaluate(data).Succeeded.ShouldBeTrue();
        var text = string.Join(" && ", Enumerable.Repeat("-1 not in xs", 4));
        Parsed(text).Evaluate(data).Error!.ShouldContain("evaluation steps");
    }

    [Fact]
    public void Concatenation_cannot_build_unbounded_text()
    {
        var data = new Dictionary<string, JsonElement> { ["s"] = JsonSerializer.SerializeToElement(new string('x', 60_000)) };
        Parsed("len(s + s)").Evaluate(data).Error!.ShouldContain("exceed 100,000 characters");
    }

    [Fact]
    public void Data_nested_deeper_than_the_limit_is_an_error()
    {
        var json = new string('[', 70) + new string(']', 70);
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 100 });
        var data = new Dictionary<string, JsonElement> { ["deep"] = document.RootElement.Clone() };
        Parsed("len(deep)").Evaluate(data).Error!.ShouldContain("nests more than 64 levels");
    }
}
