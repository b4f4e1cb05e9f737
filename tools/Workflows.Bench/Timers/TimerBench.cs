using System.Collections.Immutable;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence;
using Workflows.Engine.Persistence.Sqlite;
using Workflows.Engine.Sla;

namespace Workflows.Bench.Timers;

/// <param name="Pending">Timers in the table when the rebuild ran.</param>
/// <param name="RebuildSeconds">Reading every pending due instant (what a host does on start before scheduling triggers).</param>
/// <param name="Fired">Real timer-step dossiers delivered in the fire-lag run.</param>
/// <param name="FireLagP50Ms">From a timer's due instant (its wake-up) to its state change committed, median.</param>
/// <param name="FireLagP99Ms">The same, 99th percentile.</param>
public sealed record TimerBenchResult(int Pending, double RebuildSeconds, int Fired, double FireLagP50Ms, double FireLagP99Ms);

/// <summary>
/// Timers on SQLite (issue 6 "Speed"): <paramref name="pending"/> pending timers rebuilt on start, and the lag of
/// delivering due timers through the runtime as the timer dispatcher does (Quartz only adds its wake-up, a few ms).
/// </summary>
public static class TimerBench
{
    private const string Procedure = """
        { "id": "bench-wait", "name": "Bench wait", "roles": [ { "id": "desk-officer" } ],
          "steps": [ { "id": "start", "kind": "start" }, { "id": "wait", "kind": "timer", "wait": "1h" }, { "id": "end", "kind": "end" } ],
          "transitions": [ { "from": "start", "to": "wait" }, { "from": "wait", "to": "end" } ] }
        """;

    private const int TimersPerDossier = 1000;
    private const int FireDossiers = 2000;

    private static readonly UnitId Unit = new("xa-tan-an");

    public static async Task<TimerBenchResult> RunAsync(int pending, CancellationToken ct)
    {
        var root = Directory.CreateTempSubdirectory("workflows-timer-bench-").FullName;
        try
        {
            var clock = new SettableClock(new DateTimeOffset(2026, 5, 4, 8, 0, 0, TimeSpan.FromHours(7)));
            var services = new ServiceCollection()
                .AddWorkflowsSqlite($"Data Source={Path.Combine(root, "bench.db")}")
                .AddSingleton<TimeProvider>(clock)
                .AddSingleton<IWorkingCalendarSource>(DefaultCalendarSource.Around(clock.Now))
                .AddSingleton<ExecutableProcedureCache>()
                .AddSingleton<WorkflowRuntime>()
                .AddSingleton<ProcedureCatalog>();
            await using var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<IWorkflowsDatabase>().MigrateAsync(ct);
            var published = (CatalogDone)await provider.GetRequiredService<ProcedureCatalog>().ImportAndPublishAsync(Procedure, Actor.SystemUser, null, ct);

            await SeedPendingAsync(provider.GetRequiredService<IDossierStore>(), published.Definition.Key, pending, clock.Now, ct);
            var timers = provider.GetRequiredService<ITimerQueries>();
            var rebuild = Stopwatch.StartNew();
            var instants = 0;
            for (var after = clock.Now; ;)
            {
                var page = await timers.ListDueInstantsAsync(after, 10_000, ct);
                if (page.Count == 0)
                {
                    break;
                }

                instants += page.Count;
                after = page[^1];
            }

            rebuild.Stop();
            var lags = await FireLagAsync(provider.GetRequiredService<WorkflowRuntime>(), timers, clock, ct);
            lags.Sort();
            return new TimerBenchResult(
                await timers.CountAsync(ct),
                rebuild.Elapsed.TotalSeconds,
                lags.Count,
                lags.Count == 0 ? 0 : lags[lags.Count / 2],
                lags.Count == 0 ? 0 : lags[Math.Min(lags.Count - 1, (int)Math.Ceiling(lags.Count * 0.99) - 1)]);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Dossiers holding many pending SLA timers each, due over the next months (one per minute).</summary>
    private static async Task SeedPendingAsync(IDossierStore store, DefinitionKey definition, int pending, DateTimeOffset now, CancellationToken ct)
    {
        for (var seeded = 0; seeded < pending; seeded += TimersPerDossier)
        {
            var id = new DossierId(Guid.CreateVersion7(now));
            var count = Math.Min(TimersPerDossier, pending - seeded);
            var timers = Enumerable.Range(0, count)
                .Select(i => new SlaTimer(SlaTimer.DossierInstance, TimerPurpose.Escalation, i, now.AddDays(30).AddMinutes(seeded + i)))
                .ToImmutableList();
            var state = new InstanceState(id, definition, Unit, DossierStatus.InProcess)
            {
                Version = 1,
                LastEventSequence = 1,
                SubmittedAt = now,
                Sla = SlaState.Empty with { Timers = timers },
            };
            var submitted = new DossierSubmitted(definition, Unit, SubmissionChannel.Desk, ImmutableSortedDictionary.Create<string, JsonElement>(StringComparer.Ordinal));
            await store.SaveAsync(
                new DossierChange(state, [new RecordedEvent(1, now, Actor.SystemUser, submitted)], [.. timers.Select(t => (Effect)new ScheduleTimer(id, 0, t.DueAt, t.Purpose) { Rung = t.Rung })]),
                ct);
        }
    }

    /// <summary>
    /// Submits dossiers 50 ms apart (each waits 1 working hour), then wakes at each due instant as Quartz would and
    /// delivers everything due, recording the wall time from the wake to each committed delivery.
    /// </summary>
    private static async Task<List<double>> FireLagAsync(WorkflowRuntime runtime, ITimerQueries timers, SettableClock clock, CancellationToken ct)
    {
        var system = Actor.System(Unit);
        var start = clock.Now;
        for (var i = 0; i < FireDossiers; i++)
        {
            clock.Now = start.AddMilliseconds(50 * i);
            await runtime.SubmitAsync(new WorkflowRuntime.Submission(new ProcedureId("bench-wait"), null, Unit, SubmissionChannel.Desk, new Dictionary<string, JsonElement>(), system), ct);
        }

        var lags = new List<double>(FireDossiers);
        var wakes = await timers.ListDueAsync(start.AddHours(2), FireDossiers, ct);
        foreach (var wake in wakes.Where(t => t.Purpose == TimerPurpose.TimerStep).Select(t => t.DueAt).Distinct().Order())
        {
            clock.Now = wake;
            var woke = Stopwatch.StartNew();
            foreach (var timer in (await timers.ListDueAsync(wake, 500, ct)).Where(t => t.Purpose == TimerPurpose.TimerStep))
            {
                if (await runtime.ExecuteAsync(timer.Dossier, new FireTimer(timer.StepInstance, system), ct) is CommandAccepted)
                {
                    lags.Add(woke.Elapsed.TotalMilliseconds);
                }
            }
        }

        return lags;
    }

    private sealed class SettableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    }
}
