using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Persistence;

namespace Workflows.Api.Tests;

/// <summary>
/// Every operation the host documents, called with bodies and path values no client should send: the answer
/// must be a 4xx saying what is wrong, never a 5xx, and nothing may be stored. The operations are read from the
/// host's own OpenAPI document at run time, so a new endpoint is covered without touching this test.
/// </summary>
public abstract class OpenApiFuzzTests(ApiTestDatabase database) : ApiHostTests(database)
{
    /// <summary>A signed-in official holding many roles, so requests get past authorization to the handlers.</summary>
    private const string SignedInUser = "chair-tuan";

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    /// <summary>Bodies of the wrong shape: an empty object, JSON null, the other JSON types, and not JSON at all.</summary>
    private static readonly (string Name, string? Json)[] Bodies =
    [
        ("no body", null),
        ("{}", "{}"),
        ("null", "null"),
        ("array", "[]"),
        ("number", "42"),
        ("string", "\"text\""),
        ("malformed", "{\"definition\": "),
    ];

    [Fact]
    public async Task No_operation_answers_a_server_error_to_bad_input_and_none_stores_anything()
    {
        var ct = TestContext.Current.CancellationToken;
        var operations = await OperationsAsync(ct);
        operations.Count.ShouldBeGreaterThan(30, "the OpenAPI document should list the host's operations");
        var before = await RowCountsAsync(ct);

        var failures = new List<string>();
        var client = As(SignedInUser);
        foreach (var (method, template, members) in operations)
        {
            var bodies = method is "get" or "delete" ? Bodies.Take(1) : Bodies.Concat(MemberBodies(members));
            foreach (var path in Fill(template))
            {
                foreach (var (name, json) in bodies)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), path);
                    if (json is not null)
                    {
                        request.Content = new StringContent(json, Encoding.UTF8);
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    }

                    using var response = await client.SendAsync(request, ct);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{method.ToUpperInvariant()} {path} with {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                    }
                }
            }
        }

        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        (await RowCountsAsync(ct)).ShouldBe(before, "a refused request stored something");
    }

    /// <summary>
    /// Each member of the documented JSON body alone, as null and as every JSON type but its own: a body that
    /// names one member must get past unknown-member checks and reach the handler's own null handling.
    /// </summary>
    private static IEnumerable<(string Name, string? Json)> MemberBodies(IReadOnlyList<string> members) =>
        members.SelectMany(member => new[] { "null", "0", "true", "\"x\"", "[]", "{}", "[null]", "{\"x\": null}" }
            .Select(value => ($"{{\"{member}\": {value}}}", (string?)$"{{\"{member}\": {value}}}")));

    /// <summary>(method, path template, members of the JSON body) of every operation in the host's OpenAPI document.</summary>
    private async Task<List<(string Method, string Template, IReadOnlyList<string> Members)>> OperationsAsync(CancellationToken ct)
    {
        var document = JsonSerializer.Deserialize<JsonElement>(await As(null).GetStringAsync("/openapi/v1.json", ct));
        return [.. document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => Methods.Contains(operation.Name))
                .Select(operation => (operation.Name, path.Name, BodyMembers(document, operation.Value))))];
    }

    private static IReadOnlyList<string> BodyMembers(JsonElement document, JsonElement operation)
    {
        if (!operation.TryGetProperty("requestBody", out var body) || !body.TryGetProperty("content", out var content)
            || !content.TryGetProperty("application/json", out var json) || !json.TryGetProperty("schema", out var schema))
        {
            return [];
        }

        while (schema.TryGetProperty("$ref", out var reference))
        {
            schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        return schema.TryGetProperty("properties", out var properties) ? [.. properties.EnumerateObject().Select(p => p.Name)] : [];
    }

    /// <summary>The template with plausible ids that do not exist, then with junk in every parameter.</summary>
    private static IEnumerable<string> Fill(string template)
    {
        if (!template.Contains('{'))
        {
            yield return template;
            yield break;
        }

        yield return Replace(template, Plausible);
        foreach (var junk in new[] { "-1", "%20", "%F0%9F%99%82", new string('a', 300), "0.0", "..", "a.b.c" })
        {
            yield return Replace(template, _ => junk);
        }
    }

    private static string Replace(string template, Func<string, string> value) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{([^}:]+)(:[^}]*)?\}", m => value(m.Groups[1].Value));

    /// <summary>An id of the right shape that nothing has: a fresh dossier, task 1 of it, a year, a version, a slug.</summary>
    private static string Plausible(string parameter)
    {
        var name = parameter.ToLowerInvariant();
        const string dossier = "01950000-0000-7000-8000-000000000000";
        return name switch
        {
            _ when name.Contains("dossier") => dossier,
            _ when name.Contains("task") => dossier + ".1",
            _ when name.Contains("year") => "2026",
            _ when name.Contains("version") || name.Contains("sequence") => "99",
            _ => "no-such-" + name.ToLowerInvariant(),
        };
    }

    /// <summary>Rows in every table of the model: what "nothing was stored" is measured by.</summary>
    private async Task<Dictionary<string, long>> RowCountsAsync(CancellationToken ct)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync(ct);
        var counts = new Dictionary<string, long>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }
}

public sealed class SqliteOpenApiFuzzTests() : OpenApiFuzzTests(new SqliteApiDatabase());

public sealed class PostgreSqlOpenApiFuzzTests() : OpenApiFuzzTests(new PostgreSqlApiDatabase());
