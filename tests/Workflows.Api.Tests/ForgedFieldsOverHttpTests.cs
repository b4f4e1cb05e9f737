using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Definitions;
using Workflows.Engine.Forms;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence;
using Workflows.Engine.Serialization;
using Workflows.Engine.Signing.Signers;
using Workflows.Engine.Simulation;
using Workflows.Tests.Shared;

namespace Workflows.Api.Tests;

/// <summary>
/// The integrity attack, for every sample procedure: a real dossier is numbered first; then an applicant submits the
/// same procedure with its receipt and result numbers and every official's field filled in by themselves, and an
/// official types numbers at each step. Every forged write is refused with a reason and changes nothing; the second
/// dossier gets the register's next numbers, and the first dossier's result number still finds only the first.
/// </summary>
public abstract class ForgedFieldsOverHttpTests(ApiTestDatabase database) : ApiHostTests(database)
{
    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?> { ["Timers:RunScheduler"] = "false" };

    public static TheoryData<string> Procedures() =>
        [.. Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Path, "procedures")).Where(d => File.Exists(Path.Combine(d, "traces", "happy-path.script.json"))).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Procedures))]
    public async Task Numbers_and_officials_fields_cannot_be_forged(string procedure)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(RepositoryRoot.Path, "procedures", procedure);
        var definition = DefinitionJson.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "definition.json"), ct)).Definition!;
        var script = JsonSerializer.Deserialize<SimulationScript>(await File.ReadAllTextAsync(Path.Combine(folder, "traces", "happy-path.script.json"), ct), WorkflowJson.Options)!;
        var numberFields = definition.Steps.Select(s => s.Numbering?.Field).OfType<string>().ToList();
        numberFields.Count.ShouldBeGreaterThanOrEqualTo(2, "a receipt number and a result number");
        await IssueSigningKeysBeforeAsync(script.SubmittedAt, script.Actors.Values);

        var real = await SubmitAsync(procedure, script, script.Data);
        real.StatusCode.ShouldBe(HttpStatusCode.Created, await real.Content.ReadAsStringAsync(ct));
        var realId = (await Json(real)).GetProperty("id").GetString()!;
        var realData = await PlayAsync(script, realId, forgeAt: null);
        var realNumbers = numberFields.ToDictionary(f => f, f => realData.GetProperty(f).GetString()!);

        // The applicant fills in the real numbers and every official's field themselves: refused, nothing stored.
        var forged = new Dictionary<string, JsonElement>(script.Data);
        foreach (var (field, number) in realNumbers)
        {
            forged[field] = JsonSerializer.SerializeToElement(number);
        }

        var officialsFields = definition.Form.Fields.Where(f => f.WrittenBy == FieldWriter.Steps).ToList();
        foreach (var field in officialsFields)
        {
            forged[field.Key] = field.Type == FieldType.Number ? JsonSerializer.SerializeToElement(1) : JsonSerializer.SerializeToElement("Hợp lệ (tự ghi)");
        }

        var dossiersBefore = await CountDossiersAsync();
        var refused = await SubmitAsync(procedure, script, forged);
        var problem = await RefusedAsync(refused, "invalid-data");
        foreach (var field in numberFields.Concat(officialsFields.Select(f => f.Key)))
        {
            problem.ShouldContain($"Field '{field}'");
        }

        (await CountDossiersAsync()).ShouldBe(dossiersBefore, "a refused submission stores nothing");

        // Submitted honestly, then officials try to type the numbers at every step: each try is refused.
        var second = await SubmitAsync(procedure, script, script.Data);
        second.StatusCode.ShouldBe(HttpStatusCode.Created, await second.Content.ReadAsStringAsync(ct));
        var secondId = (await Json(second)).GetProperty("id").GetString()!;
        var secondData = await PlayAsync(script, secondId, forgeAt: realNumbers);

        foreach (var (field, number) in realNumbers)
        {
            secondData.GetProperty(field).GetString().ShouldNotBe(number, $"{field} must come from the register, once");
        }

        var issued = await LedgerAsync();
        issued.Count.ShouldBe(issued.Distinct().Count());
        issued.ShouldContain(realNumbers[numberFields[^1]]);
        issued.ShouldContain(secondData.GetProperty(numberFields[^1]).GetString()!);

        var result = await Ok(await As(script.Actors[script.SubmittedBy].User).GetAsync($"/api/results/{realNumbers[numberFields[^1]]}", ct));
        result.GetProperty("dossier").GetString().ShouldBe(realId);
    }

    private Task<HttpResponseMessage> SubmitAsync(string procedure, SimulationScript script, IReadOnlyDictionary<string, JsonElement> data)
    {
        Factory.Clock.AdjustTime(script.SubmittedAt);
        return As(script.Actors[script.SubmittedBy].User).PostAsJsonAsync("/api/dossiers", new { procedure, unit = script.Unit, channel = script.Channel, data }, TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Plays the happy path; with <paramref name="forgeAt"/>, first tries every completion with the numbers typed in
    /// (and expects it refused with the dossier unchanged). Returns the dossier's final data.
    /// </summary>
    private async Task<JsonElement> PlayAsync(SimulationScript script, string dossier, IReadOnlyDictionary<string, string>? forgeAt)
    {
        var ct = TestContext.Current.CancellationToken;
        await StartRoundRobinAfreshAsync();
        foreach (var step in script.Steps)
        {
            if (step.At is { } at)
            {
                Factory.Clock.AdjustTime(at);
            }

            var client = As(script.Actors[step.As!].User);
            if (step.Attach is { } component)
            {
                (await UploadAsync(script.Actors[step.As!].User, dossier, component, Pdf(component), component + ".pdf")).StatusCode.ShouldBe(HttpStatusCode.Created);
                continue;
            }

            var view = (await Ok(await As("desk-lan").GetAsync($"/api/dossiers/{dossier}", ct))).GetProperty("dossier");
            var task = TaskAt(view, step.Complete ?? step.Claim!);
            if (step.Claim is not null)
            {
                (await client.PostAsync($"/api/tasks/{task}/claim", null, ct)).IsSuccessStatusCode.ShouldBeTrue();
                continue;
            }

            if (forgeAt is not null)
            {
                var typed = new Dictionary<string, object?>(step.Data.ToDictionary(p => p.Key, p => (object?)p.Value));
                foreach (var (field, number) in forgeAt)
                {
                    typed[field] = number;
                }

                var before = view.GetProperty("revision").GetInt64();
                var refusal = await RefusedAsync(await client.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = step.Outcome, data = typed }, ct), "invalid-data");
                refusal.ShouldContain("register");
                (await Ok(await As("desk-lan").GetAsync($"/api/dossiers/{dossier}", ct))).GetProperty("dossier").GetProperty("revision").GetInt64().ShouldBe(before);
            }

            var done = step.Signature is not null
                ? await client.PostAsJsonAsync($"/api/tasks/{task}/sign", new { outcome = step.Outcome }, ct)
                : await client.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = step.Outcome, data = step.Data }, ct);
            done.IsSuccessStatusCode.ShouldBeTrue($"{step.Complete} {step.Outcome}: {await done.Content.ReadAsStringAsync(ct)}");
        }

        var final = (await Ok(await As("desk-lan").GetAsync($"/api/dossiers/{dossier}", ct))).GetProperty("dossier");
        final.GetProperty("status").GetString().ShouldBe("returned");
        return final.GetProperty("data");
    }

    private static async Task<string> RefusedAsync(HttpResponseMessage response, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity, body);
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("type").GetString().ShouldBe($"urn:workflows:problem:{code}");
        return problem.GetProperty("detail").GetString()!;
    }

    private async Task<int> CountDossiersAsync()
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM dossiers").SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<List<string>> LedgerAsync()
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Database.SqlQueryRaw<string>("SELECT number AS \"Value\" FROM issued_numbers").ToListAsync(TestContext.Current.CancellationToken);
    }
}

public sealed class SqliteForgedFieldsOverHttpTests() : ForgedFieldsOverHttpTests(new SqliteApiDatabase());

public sealed class PostgreSqlForgedFieldsOverHttpTests() : ForgedFieldsOverHttpTests(new PostgreSqlApiDatabase());
