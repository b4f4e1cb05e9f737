using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence;
using Workflows.Engine.Serialization;
using Workflows.Engine.Signing.Signers;
using Workflows.Engine.Simulation;
using Workflows.Engine.Timers.Quartz;
using Workflows.Tests.Shared;

namespace Workflows.Api.Tests;

/// <summary>
/// Every golden trace of procedures/, replayed through the HTTP API on a real database: the same people send the same
/// commands at the same instants, and the dossier's stored history must equal the trace the pure simulator recorded,
/// and its final state (status, receipt, appointment, completion, waiting steps) the trace's final summary.
/// This is what "all seven procedures run end to end through the API" means: happy path, supplement, refusal, rework,
/// withdrawal, late, stop and timeouts, with the expected refusals refused over HTTP too. Attachments are uploaded and
/// approvals and seals are signed for real (PAdES with the server-held dev keys), so what differs from a simulated run
/// (file hashes, certificates, digests) is left out of the comparison; everything else must match exactly.
/// </summary>
public abstract class GoldenTracesOverHttpTests(ApiTestDatabase database) : ApiHostTests(database)
{
    /// <summary>SLA timers fire on the wall clock in a real host; the simulator has none, so the comparison runs without them.</summary>
    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?> { ["Timers:RunScheduler"] = "false" };

    public static TheoryData<string> Procedures() =>
        [.. Directory.EnumerateDirectories(Path.Combine(RepositoryRoot.Path, "procedures")).Where(d => Directory.Exists(Path.Combine(d, "traces"))).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Procedures))]
    public async Task Every_trace_of_the_procedure_replays_over_http(string procedure)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "procedures", procedure, "traces");
        var scripts = Directory.EnumerateFiles(folder, "*.script.json").Order(StringComparer.Ordinal).ToList();
        scripts.ShouldNotBeEmpty();

        var runs = new List<(string Name, SimulationScript Script, JsonNode Trace)>();
        foreach (var file in scripts)
        {
            var name = Path.GetFileName(file).Replace(".script.json", "", StringComparison.Ordinal);
            var script = JsonSerializer.Deserialize<SimulationScript>(await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken), WorkflowJson.Options)!;
            var trace = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, name + ".trace.json"), TestContext.Current.CancellationToken))!;
            runs.Add((name, script, trace));
        }

        await IssueSigningKeysBeforeAsync(runs.Min(r => r.Script.SubmittedAt), runs.SelectMany(r => r.Script.Actors.Values));

        // Register numbers run on across the scripts of one database; the player maps them back to the trace's.
        var numbers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, script, trace) in runs)
        {
            await StartRoundRobinAfreshAsync();
            await ReplayAsync($"{procedure}/{name}", script, trace, numbers);
        }
    }

    private async Task ReplayAsync(string what, SimulationScript script, JsonNode trace, Dictionary<string, string> numbers)
    {
        var ct = TestContext.Current.CancellationToken;
        Factory.Clock.AdjustTime(script.SubmittedAt);
        var submitted = await As(script.Actors[script.SubmittedBy].User).PostAsJsonAsync("/api/dossiers", new
        {
            procedure = trace["procedure"]!.GetValue<string>(),
            version = trace["version"]!.GetValue<int>(),
            unit = script.Unit,
            channel = script.Channel,
            data = script.Data,
        }, ct);
        submitted.IsSuccessStatusCode.ShouldBeTrue($"{what}: submit: {await submitted.Content.ReadAsStringAsync(ct)}");
        var dossier = (await Json(submitted)).GetProperty("id").GetString()!;

        var entries = trace["entries"]!.AsArray();
        entries.Count.ShouldBe(script.Steps.Count + 1, $"{what}: the trace should have one entry per script step after the submission.");
        for (var i = 0; i < script.Steps.Count; i++)
        {
            var step = script.Steps[i];
            var label = $"{what} step {i + 1}";

            // The simulator resolved each command's instant (a timer's due time included); replay at exactly that one.
            Factory.Clock.AdjustTime(DateTimeOffset.Parse(entries[i + 1]!["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
            if (step.Signature is not null && step.ExpectRejection is not null)
            {
                // Evidence of a bad signature (expired, someone else's, on a changed document) cannot be produced by
                // signing for real; the signing API tests refuse those over HTTP. A refused command adds no events.
                continue;
            }

            if (step.FireTimer is not null)
            {
                (await Factory.Services.GetRequiredService<TimerDispatcher>().DeliverDueAsync(TestContext.Current.CancellationToken)).Delivered.ShouldBeGreaterThan(0, $"{label}: no timer was due.");
                continue;
            }

            var before = await RevisionAsync(dossier);
            var response = await SendAsync(script, step, dossier, label);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (step.ExpectRejection is { } code)
            {
                response.IsSuccessStatusCode.ShouldBeFalse($"{label}: expected refusal '{code}', got {(int)response.StatusCode}.");
                JsonDocument.Parse(body).RootElement.GetProperty("type").GetString().ShouldBe($"urn:workflows:problem:{code}", $"{label}: {body}");
                (await RevisionAsync(dossier)).ShouldBe(before, $"{label}: a refused command changed the dossier.");
            }
            else
            {
                response.IsSuccessStatusCode.ShouldBeTrue($"{label}: {(int)response.StatusCode} {body}");
            }
        }

        var history = JsonNode.Parse(await (await As(script.Actors[script.SubmittedBy].User).GetAsync($"/api/dossiers/{dossier}/history", ct)).Content.ReadAsStringAsync(ct))!.AsArray()
            .Where(e => !SlaOnlyEvents.Contains(e!["event"]!["type"]!.GetValue<string>())).ToList();
        var expected = entries.SelectMany(e => e!["events"]?.AsArray() ?? []).ToList();
        history.Count.ShouldBe(expected.Count, $"{what}: the API recorded {history.Count} events, the trace {expected.Count}.");
        for (var i = 0; i < expected.Count; i++)
        {
            var actual = history[i]!;
            var wanted = expected[i]!;
            MapRegisterNumber(actual["event"]!, wanted["event"]!, numbers);
            var difference = Difference(Comparable(Renumbered(actual, numbers)), Comparable(wanted.DeepClone()), "$");
            difference.ShouldBeNull($"{what}: event {i + 1} differs at {difference}.\nAPI:   {actual.ToJsonString()}\ntrace: {wanted.ToJsonString()}");
        }

        var view = JsonNode.Parse(await (await As(script.Actors[script.SubmittedBy].User).GetAsync($"/api/dossiers/{dossier}", ct)).Content.ReadAsStringAsync(ct))!["dossier"]!;
        var final = FinalOf(view);
        var finalDifference = Difference(final, trace["final"]!.DeepClone(), "final");
        finalDifference.ShouldBeNull($"{what}: the dossier's final state differs at {finalDifference}.\nAPI:   {final.ToJsonString()}\ntrace: {trace["final"]!.ToJsonString()}");
    }

    /// <summary>
    /// The dossier as the trace's final summary records it: status, the receipt, the appointment (due instant) the
    /// citizen was promised, completion and the steps still waiting. The events already match, so a difference here
    /// is the deadline arithmetic (or the state derived from the events) going its own way in the host.
    /// </summary>
    private static JsonObject FinalOf(JsonNode view) => new()
    {
        ["status"] = view["status"]?.DeepClone(),
        ["receivedAt"] = view["receivedAt"]?.DeepClone(),
        ["dueAt"] = view["dueAt"]?.DeepClone(),
        ["completedAt"] = view["completedAt"]?.DeepClone(),
        ["waitingAt"] = new JsonArray([.. view["activeSteps"]!.AsArray().Select(s => s!["step"]!.DeepClone())]),
    };

    private Task<HttpResponseMessage> SendAsync(SimulationScript script, ScriptStep step, string dossier, string label)
    {
        step.As.ShouldNotBeNull($"{label}: the step names no actor.");
        var client = As(script.Actors[step.As].User);
        var ct = TestContext.Current.CancellationToken;
        if (step.Withdraw is { } withdrawal)
        {
            return client.PostAsJsonAsync($"/api/dossiers/{dossier}/withdraw", new { reason = withdrawal }, ct);
        }

        if (step.Stop is { } stop)
        {
            return client.PostAsJsonAsync($"/api/dossiers/{dossier}/stop", new { reason = stop }, ct);
        }

        if (step.Attach is { } component)
        {
            var fileName = step.FileName ?? component + ".pdf";
            var file = new ByteArrayContent(SampleFile(step.MediaType ?? "application/pdf", $"{label} {component}"));
            return client.PostAsync($"/api/dossiers/{dossier}/attachments?component={Uri.EscapeDataString(component)}&fileName={Uri.EscapeDataString(fileName)}", file, ct);
        }

        return SendToTaskAsync(client, step, dossier, label);
    }

    private async Task<HttpResponseMessage> SendToTaskAsync(HttpClient client, ScriptStep step, string dossier, string label)
    {
        var ct = TestContext.Current.CancellationToken;
        var stepId = step.Complete ?? step.Claim ?? step.Release;
        stepId.ShouldNotBeNull($"{label}: unsupported script step.");
        var view = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{dossier}", ct));
        var tasks = view.GetProperty("dossier").GetProperty("activeSteps").EnumerateArray()
            .Where(s => s.GetProperty("step").GetString() == stepId).Select(s => s.GetProperty("taskId").GetString()!).ToList();
        tasks.Count.ShouldBe(1, $"{label}: the dossier should wait at '{stepId}' exactly once.");
        var task = tasks[0];
        if (step.Claim is not null)
        {
            return await client.PostAsync($"/api/tasks/{task}/claim", null, ct);
        }

        if (step.Release is not null)
        {
            return await client.PostAsync($"/api/tasks/{task}/release", null, ct);
        }

        if (step.Signature is not null)
        {
            // A real personal signature or e-seal with the server-held key of the signer or the issuing unit.
            step.Data.ShouldBeEmpty($"{label}: a signing step carries no form data.");
            return await client.PostAsJsonAsync($"/api/tasks/{task}/sign", new { outcome = step.Outcome, comment = step.Comment }, ct);
        }

        return await client.PostAsJsonAsync($"/api/tasks/{task}/complete", new { outcome = step.Outcome, data = step.Data, comment = step.Comment }, ct);
    }

    /// <summary>Events the timer dispatcher adds in a real host that the simulator never fires (it has no SLA clock).</summary>
    private static readonly HashSet<string> SlaOnlyEvents =
        ["step-due-soon", "step-overdue", "dossier-due-soon", "dossier-overdue", "escalation-rung-reached", "task-priority-raised", "apology-drafted"];

    /// <summary>
    /// What a real run cannot share with a simulated one: a real file's size and hash, and a real signature's certificate
    /// and digests (the simulator names them). Who, when, which component, kind and holder still compare exactly;
    /// the event order stays the trace's, so the event's own sequence number is left out too.
    /// </summary>
    private static JsonNode Comparable(JsonNode entry)
    {
        entry.AsObject().Remove("sequence");
        var e = entry["event"]!.AsObject();
        if (e["attachment"] is JsonObject attachment)
        {
            attachment.Remove("size");
            attachment.Remove("sha256");
        }

        if (e["signature"] is JsonObject signature)
        {
            foreach (var key in new[] { "certificateThumbprint", "certificateSerial", "signedRevisionDigest", "appliedOnDigest" })
            {
                signature.Remove(key);
            }
        }

        return entry;
    }

    /// <summary>A small file whose first bytes say what it is (the API sniffs content, not names).</summary>
    private static byte[] SampleFile(string mediaType, string text)
    {
        byte[] magic = mediaType switch
        {
            "image/jpeg" => [0xFF, 0xD8, 0xFF, 0xE0],
            "image/png" => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            _ => "%PDF-1.7\n"u8.ToArray(),
        };
        return [.. magic, .. System.Text.Encoding.UTF8.GetBytes($"\n% {text}\n%%EOF\n")];
    }

    private async Task<long> RevisionAsync(string dossier) =>
        (await Json(await As("desk-lan").GetAsync($"/api/dossiers/{dossier}", TestContext.Current.CancellationToken))).GetProperty("dossier").GetProperty("revision").GetInt64();

    /// <summary>
    /// Register numbers are gapless per unit and year on the shared database, so the nth receipt of this run is not the
    /// trace's; remember which number stands for which and compare the rest exactly.
    /// </summary>
    private static void MapRegisterNumber(JsonNode actual, JsonNode wanted, Dictionary<string, string> numbers)
    {
        if (actual["attachment"]?["id"] is { } ours && wanted["attachment"]?["id"] is { } theirs)
        {
            numbers[ours.GetValue<string>()] = theirs.GetValue<string>();
        }

        if (actual["type"]?.GetValue<string>() != "number-assigned" || wanted["type"]?.GetValue<string>() != "number-assigned")
        {
            return;
        }

        numbers[actual["number"]!.GetValue<string>()] = wanted["number"]!.GetValue<string>();
        actual["number"] = wanted["number"]!.GetValue<string>();
        actual["sequence"] = wanted["sequence"]!.GetValue<long>();
    }

    private static JsonNode Renumbered(JsonNode actual, Dictionary<string, string> numbers)
    {
        var text = actual.ToJsonString();
        foreach (var (ours, theirs) in numbers)
        {
            text = text.Replace($"\"{ours}\"", $"\"{theirs}\"", StringComparison.Ordinal);
        }

        return JsonNode.Parse(text)!;
    }

    /// <summary>The path of the first difference, or null. Instants compare as instants (a database may return UTC).</summary>
    private static string? Difference(JsonNode? actual, JsonNode? wanted, string path)
    {
        switch (actual, wanted)
        {
            case (null, null):
                return null;
            case (JsonObject a, JsonObject w):
                foreach (var key in a.Select(p => p.Key).Union(w.Select(p => p.Key)))
                {
                    if (Difference(a[key], w[key], $"{path}.{key}") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case (JsonArray a, JsonArray w):
                if (a.Count != w.Count)
                {
                    return $"{path} (length {a.Count} vs {w.Count})";
                }

                for (var i = 0; i < a.Count; i++)
                {
                    if (Difference(a[i], w[i], $"{path}[{i}]") is { } d)
                    {
                        return d;
                    }
                }

                return null;
            case (JsonValue a, JsonValue w):
                if (a.TryGetValue<string>(out var sa) && w.TryGetValue<string>(out var sw) && sa.Contains('T', StringComparison.Ordinal)
                    && DateTimeOffset.TryParse(sa, System.Globalization.CultureInfo.InvariantCulture, out var ta)
                    && DateTimeOffset.TryParse(sw, System.Globalization.CultureInfo.InvariantCulture, out var tw))
                {
                    return ta == tw ? null : path;
                }

                return JsonNode.DeepEquals(a, w) ? null : path;
            default:
                return path;
        }
    }
}

public sealed class SqliteGoldenTracesOverHttpTests() : GoldenTracesOverHttpTests(new SqliteApiDatabase());

public sealed class PostgreSqlGoldenTracesOverHttpTests() : GoldenTracesOverHttpTests(new PostgreSqlApiDatabase());
