using System.Text.Json.Nodes;
using Workflows.Engine.Definitions;
using Workflows.Engine.Tests.Support;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Tests.Definitions;

/// <summary>
/// A definition comes from analysts, the designer and any HTTP client: whatever value sits anywhere in the file,
/// reading and validating it answers located problems, never an exception.
/// </summary>
public class DefinitionJsonBadInputTests
{
    private static readonly Func<JsonNode?>[] Replacements =
    [
        () => null,
        () => JsonValue.Create(0),
        () => JsonValue.Create(true),
        () => JsonValue.Create("x"),
        () => new JsonArray(),
        () => new JsonObject(),
        () => new JsonArray((JsonNode?)null),
    ];

    public static TheoryData<string> Procedures() => new(Directory.GetDirectories(SampleProcedures.Folder).Select(Path.GetFileName).OfType<string>().Order());

    [Theory]
    [MemberData(nameof(Procedures))]
    public void Any_value_anywhere_replaced_by_null_or_another_json_type_is_reported_not_thrown(string procedure)
    {
        var original = JsonNode.Parse(SampleProcedures.ReadJson(procedure))!;
        var tried = 0;
        foreach (var path in Paths(original, ""))
        {
            foreach (var replacement in Replacements)
            {
                var copy = original.DeepClone();
                Replace(copy, path, replacement());
                var result = Should.NotThrow(() => DefinitionJson.Parse(copy.ToJsonString()), $"{procedure} with {string.Join("/", path)} replaced");
                if (result.Definition is { } definition)
                {
                    Should.NotThrow(() => DefinitionValidator.Validate(definition), $"{procedure} with {string.Join("/", path)} replaced");
                }
                else
                {
                    result.Problems.ShouldNotBeEmpty();
                }

                tried++;
            }
        }

        tried.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void A_null_step_is_reported_where_it_is()
    {
        var result = DefinitionJson.Parse("""{ "id": "x", "name": "X", "steps": [ null ], "transitions": [] }""");

        result.Definition.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("null-entry");
        problem.Location.ShouldBe("$.steps[0]");
    }

    /// <summary>Every member and array item, as a list of keys (string) and indexes (int) from the root.</summary>
    private static IEnumerable<object[]> Paths(JsonNode node, string _)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    yield return [key];
                    if (value is not null)
                    {
                        foreach (var rest in Paths(value, _))
                        {
                            yield return [key, .. rest];
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return [i];
                    if (a[i] is { } item)
                    {
                        foreach (var rest in Paths(item, _))
                        {
                            yield return [i, .. rest];
                        }
                    }
                }

                break;
        }
    }

    private static void Replace(JsonNode root, object[] path, JsonNode? value)
    {
        var parent = root;
        foreach (var step in path[..^1])
        {
            parent = step is int i ? parent[i]! : parent[(string)step]!;
        }

        if (path[^1] is int index)
        {
            parent.AsArray()[index] = value;
        }
        else
        {
            parent.AsObject()[(string)path[^1]] = value;
        }
    }
}
