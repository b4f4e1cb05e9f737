using Workflows.Engine.Expressions;
using static Workflows.Engine.Tests.Expressions.Evaluation;

namespace Workflows.Engine.Tests.Expressions;

public class RoundTripTests
{
    private const string Dossier = """
        { "fee": 50000, "pages": 12, "channel": "desk", "hoTen": "Nguyễn Văn An", "ok": true,
          "applicant": { "age": 17 }, "received": "2025-01-31", "tags": ["x"] }
        """;

    public static TheoryData<string> Expressions =>
    [
        "fee > 0 && applicant.age >= 18",
        "verificationNeeded == true or channel in ['online', 'desk']",
        "not (fee > 0) || !ok",
        "pages * 2000 - -5 % 3",
        "(1 - 2) - (3 - 4) * -(pages / 2)",
        "hoTen == 'Nguyễn Văn An' && startsWith(lower(hoTen), \"nguyễn\")",
        "daysBetween(date(received), date('2025-03-01')) > 20 && isEmpty(missing)",
        "round(fee / 3, 2) == 16666.67",
        "'It\\'s \"quoted\" \\\\ here' + hoTen",
        "channel not in [\"a\", 'b', null] and ok == (!false)",
        "(a || b) && c || !(d && e)",
        "max(min(fee, 1), -1.50)",
        "[1, [2, [3]]] == [1, [2, [3]]]",
        "contains(tags, 'x') && len(tags) == 1",
    ];

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Parsing_the_text_again_gives_the_same_expression(string text)
    {
        var expression = Parsed(text);
        var again = Parsed(expression.Text);
        again.CanonicalText.ShouldBe(expression.CanonicalText);
        again.Evaluate(Data(Dossier)).ShouldBe(expression.Evaluate(Data(Dossier)));
    }

    [Theory]
    [MemberData(nameof(Expressions))]
    public void Canonical_text_parses_back_to_itself_and_means_the_same(string text)
    {
        var expression = Parsed(text);
        var canonical = Parsed(expression.CanonicalText);
        canonical.CanonicalText.ShouldBe(expression.CanonicalText);
        canonical.Evaluate(Data(Dossier)).ShouldBe(expression.Evaluate(Data(Dossier)));
    }

    [Fact]
    public void Equivalent_spellings_share_one_canonical_text() =>
        Parsed("not(a) and (b or 'x' == c)").CanonicalText.ShouldBe(Parsed("!a&&(b||\"x\"==c)").CanonicalText);

    [Fact]
    public void Evaluation_is_deterministic_and_safe_from_many_threads()
    {
        var expression = Parsed("hoTen == 'Nguyễn Văn An' && startsWith(lower(hoTen), \"nguyễn\") && fee / 3 > pages");
        var data = Data(Dossier);
        var expected = expression.Evaluate(data);
        var results = Enumerable.Range(0, 64).AsParallel().Select(_ => expression.Evaluate(data)).ToList();
        results.ShouldAllBe(r => r == expected);
    }

    [Fact]
    public void Referenced_fields_list_top_level_keys_in_order_of_first_use()
    {
        var expression = Parsed("applicant.age >= 18 && fee > 0 && applicant.address.province == 'Huế' && isEmpty(fee)");
        expression.ReferencedFields.ShouldBe(["applicant", "fee"]);
        expression.ReferencedPaths.ShouldBe(["applicant.age", "fee", "applicant.address.province"]);
    }

    [Fact]
    public void Errors_are_deterministic_too()
    {
        var first = Run("fee > hoTen", Dossier);
        var second = Run("fee > hoTen", Dossier);
        second.ShouldBe(first);
        first.Error.ShouldBe("Cannot order a number (50000) and text (\"Nguyễn Văn An\") with >; both sides must be numbers, texts or dates of the same kind.");
    }

    [Fact]
    public void The_text_is_kept_exactly_as_written()
    {
        var text = "  fee>0   and ok ";
        Parsed(text).Text.ShouldBe(text);
        Parsed(text).ToString().ShouldBe(text);
        Parsed(text).CanonicalText.ShouldBe("fee > 0 && ok");
    }
}
