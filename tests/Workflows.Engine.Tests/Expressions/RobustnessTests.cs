using Workflows.Engine.Expressions;
using static Workflows.Engine.Tests.Expressions.Evaluation;

namespace Workflows.Engine.Tests.Expressions;

public class RobustnessTests
{
    private static readonly string[] Pieces =
    [
        "fee", "hoTen", "applicant", ".", "age", "tags", "missing", "1", "0", "2.5", "'Huế'", "\"x\"", "true", "null",
        "(", ")", "[", "]", ",", "&&", "||", "!", "==", "!=", "<", ">=", "+", "-", "*", "/", "%", "in", "not", "and",
        "len(", "contains(", "isEmpty(", "date(", "'2025-01-31'", "daysBetween(", "round(", "min(", "upper(", " ", "'", "\\",
    ];

    private const string Dossier = """{ "fee": 3, "hoTen": "Lê Thị Hoa", "applicant": { "age": 20 }, "tags": ["a", 1, null] }""";

    [Fact]
    public void Random_token_soup_never_throws_from_parse_or_evaluate()
    {
        // A fixed seed keeps the test deterministic; the soup covers far more shapes than hand-written rows.
        var random = new Random(20250131);
        var data = Data(Dossier);
        var parsedCount = 0;
        for (var i = 0; i < 3_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 14)).Select(_ => Pieces[random.Next(Pieces.Length)] + " "));
            var parsed = Expression.Parse(text);
            if (!parsed.Succeeded)
            {
                parsed.Errors.ShouldNotBeEmpty();
                parsed.Errors.ShouldAllBe(e => e.Position >= 0 && e.Position <= text.Length && e.Message.Length > 0);
                continue;
            }

            parsedCount++;
            var result = parsed.Expression!.Evaluate(data);
            (result.Value is null).ShouldBe(result.Error is not null, text);
            Parsed(parsed.Expression.CanonicalText).CanonicalText.ShouldBe(parsed.Expression.CanonicalText, text);
            _ = parsed.Expression.CheckFields(new Dictionary<string, ExpressionType> { ["fee"] = ExpressionType.Number });
        }

        parsedCount.ShouldBeGreaterThan(50);
    }
}
