using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Workflows.Bench.Flow;
using Workflows.Bench.Measuring;
using Workflows.Bench.Persisted;

namespace Workflows.Bench.Http;

/// <summary>
/// End to end over HTTP: each virtual user is a citizen who submits a dossier, then the seeded officials
/// (desk-lan, civil-hoa, chair-tuan, clerk-mai) complete its five steps through the task API, each request
/// naming its user in X-Workflows-User, the next task id read from the previous answer.
/// </summary>
public static class HttpBench
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public static async Task<LoadResult> RunAsync(ApiHostProcess host, BirthRegistrationFlow flow, int users, BenchSizes sizes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(sizes);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };

        // Bodies are serialized before the clock starts: the figure is the host's, not the load generator's.
        var pools = Enumerable.Range(0, users).Select(u => new SubmissionPool(16, seed: 1000 + u)).ToArray();
        var submissions = pools.Select(p => Enumerable.Range(0, 16).Select(i => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            procedure = BirthRegistrationFlow.ProcedureId,
            unit = BirthRegistrationFlow.UnitId,
            data = p[i],
        }))).ToArray()).ToArray();
        var completions = flow.Steps.Select(s => (s.Actor.User.Value, Verb: s.Signature is null ? "complete" : "sign", Body: Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { outcome = s.Outcome, data = s.Data })))).ToArray();
        var counters = new int[users];
        var citizen = flow.Citizen.User.Value;

        return await LoadRun.RunAsync(
            users,
            sizes.WarmUp,
            sizes.Duration,
            async (user, record, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                var body = submissions[user][counters[user]++ % 16];
                var task = await record.TimeAsync("submit", () => PostAsync(http, new Uri("/api/dossiers", UriKind.Relative), citizen, body, HttpStatusCode.Created, ct));
                foreach (var (official, verb, completion) in completions)
                {
                    // Approve and issue sign the result for real (server-held keys), as an official would.
                    task = await record.TimeAsync(verb, () => PostAsync(http, new Uri($"/api/tasks/{task}/{verb}", UriKind.Relative), official, completion, HttpStatusCode.OK, ct));
                }

                record.DossierFinished(started);
            },
            () => MemorySampler.Of(host.Process),
            cancellationToken);
    }

    /// <summary>Sends one command; returns the id of the dossier's next open task (empty when it closed).</summary>
    private static async Task<string> PostAsync(HttpClient http, Uri path, string user, byte[] body, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Add("X-Workflows-User", user);
        using var response = await http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"POST {path} as {user} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(text)}");
        }

        using var dossier = JsonDocument.Parse(text);
        var active = dossier.RootElement.GetProperty("activeSteps");
        return active.GetArrayLength() == 0 ? "" : active[0].GetProperty("taskId").GetString()!;
    }
}
