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
/// End to end over HTTP: each virtual user is a citizen who submits a dossier at a commune, then that commune's
/// officials (at xa-tan-an the demo's desk-lan, civil-hoa, chair-tuan, clerk-mai) complete its five steps through
/// the task API, each request naming its user in X-Workflows-User, the next task id read from the previous answer.
/// Virtual user n works at commune n (<see cref="BirthRegistrationFlow.CommuneOf"/>), as the in-process workers
/// do, so the HTTP figure and the in-process figure it is compared with spread the same load the same way.
/// </summary>
public static class HttpBench
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private static readonly MediaTypeHeaderValue Pdf = new("application/pdf");

    /// <summary>What warming the host up took: the rate of each unreported window, in order.</summary>
    public sealed record WarmUp(TimeSpan Elapsed, IReadOnlyList<double> WindowRates, bool Settled);

    /// <summary>
    /// Loads the freshly started host with <paramref name="users"/> in windows of 10 s, unreported, until a window is
    /// no more than 5 % faster than the one before (at least five windows: single windows dip by
    /// up to 10 % while the JIT is still busy, so an earlier stop can come halfway up the curve) or <paramref name="limit"/> is spent.
    /// Tiered JIT on two busy cores takes about a minute to settle; rows measured before that measure the JIT.
    /// </summary>
    public static async Task<WarmUp> WarmUpAsync(ApiHostProcess host, BirthRegistrationFlow flow, int users, BenchSizes sizes, TimeSpan limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var window = sizes with { WarmUp = TimeSpan.Zero, Duration = TimeSpan.FromSeconds(10) };
        var rates = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed + window.Duration <= limit)
        {
            rates.Add((await RunAsync(host, flow, users, window, cancellationToken)).TransitionsPerSecond);
            if (rates.Count >= 5 && rates[^1] <= rates[^2] * 1.05)
            {
                return new WarmUp(clock.Elapsed, rates, Settled: true);
            }
        }

        return new WarmUp(clock.Elapsed, rates, Settled: false);
    }

    public static async Task<LoadResult> RunAsync(ApiHostProcess host, BirthRegistrationFlow flow, int users, BenchSizes sizes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(flow);
        ArgumentNullException.ThrowIfNull(sizes);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false };
        using var http = new HttpClient(handler) { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(60) };

        // Bodies are serialized before the clock starts: the figure is the host's, not the load generator's.
        var pools = Enumerable.Range(0, users).Select(u => new SubmissionPool(16, seed: 1000 + u)).ToArray();
        var submissions = pools.Select((p, user) => Enumerable.Range(0, 16).Select(i => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            procedure = BirthRegistrationFlow.ProcedureId,
            unit = flow.CommuneOf(user).Unit.Value,
            data = p[i],
        }))).ToArray()).ToArray();
        var completionsOf = Enumerable.Range(0, users).Select(user => flow.CommuneOf(user).Steps.Select(s => (s.Actor.User.Value, Verb: s.Signature is null ? "complete" : "sign", Body: s.Signature is null
            ? Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { outcome = s.Outcome, data = s.Data }))
            : Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { outcome = s.Outcome })))).ToArray()).ToArray();
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
                var dossier = task[..task.LastIndexOf('.')];
                foreach (var component in flow.Components)
                {
                    // The citizen uploads each required component's scan (a PDF) as the portal does.
                    _ = await record.TimeAsync("attach", () => PostAsync(
                        http, new Uri($"/api/dossiers/{dossier}/attachments?component={component.Component}&fileName={component.FileName}", UriKind.Relative), citizen, BirthRegistrationFlow.ScanBytes, HttpStatusCode.Created, ct, Pdf));
                }

                foreach (var (official, verb, completion) in completionsOf[user])
                {
                    // Approve and issue sign the result for real (server-held keys), as an official would.
                    var open = task;
                    task = await record.TimeAsync(verb, () => PostAgainOnNumberTakenAsync(http, new Uri($"/api/tasks/{open}/{verb}", UriKind.Relative), official, completion, ct));
                }

                record.DossierFinished(started);
            },
            () => MemorySampler.Of(host.Process),
            cancellationToken);
    }

    /// <summary>
    /// Beyond <see cref="BirthRegistrationFlow.CommuneCount"/> users, two users share a commune, so two clerks can
    /// seal results numbered from the same register at once; the loser gets result-number-mismatch and, as the
    /// problem tells them, seals again. The retries are inside the command's latency.
    /// </summary>
    private static async Task<string> PostAgainOnNumberTakenAsync(HttpClient http, Uri path, string user, byte[] body, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await PostAsync(http, path, user, body, HttpStatusCode.OK, cancellationToken);
            }
            catch (InvalidOperationException e) when (attempt < 50 && e.Message.Contains("result-number-mismatch", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref resealed);
            }
        }
    }

    private static long resealed;

    /// <summary>Seals done again because another result took the number meanwhile (see <see cref="PostAgainOnNumberTakenAsync"/>).</summary>
    public static long Resealed => Interlocked.Read(ref resealed);

    /// <summary>Sends one command; returns the id of the dossier's next open task (empty when it closed).</summary>
    private static async Task<string> PostAsync(HttpClient http, Uri path, string user, byte[] body, HttpStatusCode expected, CancellationToken cancellationToken, MediaTypeHeaderValue? contentType = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = contentType ?? Json;
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
