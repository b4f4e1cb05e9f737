using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Workflows.Api.Tests;

/// <summary>
/// Result templates (ADR 0016): the designer lists them, and a definition naming one this server cannot print is an
/// error when validated and is refused when published, with nothing published.
/// </summary>
public abstract class ResultTemplatesApiTests(ApiTestDatabase database) : ApiHostTests(database)
{
    private static string Definition(string template) => $$"""
        { "id": "permit-{{template}}", "name": "Cấp phép thử", "roles": [ { "id": "clerk", "name": "Văn thư" } ],
          "steps": [ { "id": "s", "kind": "start" },
                     { "id": "issue", "kind": "issue", "role": "clerk", "outcomes": ["issued"], "template": { "id": "{{template}}", "name": "Giấy phép" },
                       "numbering": { "register": "permits", "field": "permitNumber", "format": "{seq}/{year}/GP" } },
                     { "id": "e", "kind": "end" } ],
          "form": { "fields": [ { "key": "permitNumber", "label": "Số giấy phép", "type": "text" } ] },
          "transitions": [ { "from": "s", "to": "issue" }, { "from": "issue", "to": "e", "outcome": "issued" } ] }
        """;

    [Fact]
    public async Task The_designer_lists_every_sample_procedure_s_result_template()
    {
        var templates = (await Json(await As(null).GetAsync("/api/result-templates"))).EnumerateArray().ToList();

        templates.Select(t => t.GetProperty("id").GetString()).ShouldBeUnique();
        templates.Select(t => t.GetProperty("id").GetString()).ShouldContain("giay-phep-xay-dung");
        var birth = templates.Single(t => t.GetProperty("id").GetString() == "giay-khai-sinh");
        birth.GetProperty("name").GetString().ShouldBe("Giấy khai sinh");
        birth.GetProperty("fields").EnumerateArray().Select(f => f.GetString()).ShouldContain("childName");
        foreach (var procedure in (await Json(await As(null).GetAsync("/api/procedures"))).EnumerateArray())
        {
            var id = procedure.GetProperty("id").GetString();
            var definition = (await Json(await As(null).GetAsync($"/api/procedures/{id}/versions/{procedure.GetProperty("latestPublishedVersion").GetInt32()}"))).GetProperty("definition");
            var issue = definition.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == "issue");
            templates.Select(t => t.GetProperty("id").GetString()).ShouldContain(issue.GetProperty("template").GetProperty("id").GetString(), $"{id}'s issue step names a template the server prints");
        }
    }

    [Fact]
    public async Task Validating_a_step_that_names_an_unknown_template_reports_it_on_the_step()
    {
        var result = await Json(await As(null).PostAsync("/api/procedures/validate", new StringContent(Definition("giay-phep-lai-xe"), Encoding.UTF8, "application/json")));

        result.GetProperty("valid").GetBoolean().ShouldBeFalse();
        var problem = result.GetProperty("problems").EnumerateArray().Single(p => p.GetProperty("code").GetString() == "unknown-template");
        problem.GetProperty("location").GetString().ShouldBe("$.steps[1].template.id");
        problem.GetProperty("message").GetString()!.ShouldContain("giay-phep-lai-xe");
        problem.GetProperty("message").GetString()!.ShouldContain("/api/result-templates");
    }

    [Fact]
    public async Task A_known_template_validates_clean()
    {
        var result = await Json(await As(null).PostAsync("/api/procedures/validate", new StringContent(Definition("giay-phep-xay-dung"), Encoding.UTF8, "application/json")));

        result.GetProperty("problems").EnumerateArray().ShouldNotContain(p => p.GetProperty("code").GetString() == "unknown-template");
    }

    [Fact]
    public async Task A_draft_naming_an_unknown_template_cannot_be_published()
    {
        var analyst = As("analyst-thu");
        var saved = await analyst.PostAsync("/api/procedures", new StringContent(Definition("giay-phep-lai-xe"), Encoding.UTF8, "application/json"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Created, await saved.Content.ReadAsStringAsync());

        var publish = await analyst.PostAsJsonAsync("/api/procedures/permit-giay-phep-lai-xe/versions/1/publish", new { changeNote = "first" });

        var body = await publish.Content.ReadAsStringAsync();
        publish.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("type").GetString().ShouldBe("urn:workflows:problem:invalid-definition");
        problem.GetProperty("problems").EnumerateArray().ShouldContain(p => p.GetProperty("code").GetString() == "unknown-template");
        var listed = (await Json(await As(null).GetAsync("/api/procedures"))).EnumerateArray().Single(p => p.GetProperty("id").GetString() == "permit-giay-phep-lai-xe");
        (listed.TryGetProperty("latestPublishedVersion", out var published) ? published.ValueKind : JsonValueKind.Null).ShouldBe(JsonValueKind.Null);
    }
}

public sealed class SqliteResultTemplatesApiTests() : ResultTemplatesApiTests(new SqliteApiDatabase());

public sealed class PostgreSqlResultTemplatesApiTests() : ResultTemplatesApiTests(new PostgreSqlApiDatabase());
