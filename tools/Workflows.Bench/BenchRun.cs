using System.Diagnostics;
using System.Globalization;
using Workflows.Bench.InMemory;
using Workflows.Bench.Flow;
using Workflows.Bench.Http;
using Workflows.Bench.Measuring;
using Workflows.Bench.Persisted;
using Workflows.Bench.PostgreSql;
using Workflows.Bench.Reporting;

namespace Workflows.Bench;

/// <summary>
/// The whole published run: every area measured side by side on this machine, ceilings included, printed as
/// Markdown and optionally written into docs/benchmarks.md.
/// </summary>
public static class BenchRun
{
    /// <summary>
    /// Group commit is measured at every worker count now that each worker receives at its own commune's desk
    /// (<see cref="BirthRegistrationFlow.CommuneOf"/>): before ADR 0017 a batch took one number per register, and
    /// with all workers at one desk callers ran out of the runtime's 50 attempts at 16 workers.
    /// </summary>
    private const int MaxGroupCommitWorkers = BirthRegistrationFlow.CommuneCount;

    public static async Task<int> RunAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        var temp = Directory.CreateTempSubdirectory("workflows-bench-").FullName;
        var report = new BenchReport(DateTimeOffset.UtcNow, MachineInfo.Describe(temp), Command(options));
        var sizes = options.Sizes;
        var flow = BirthRegistrationFlow.Load();
        var persisted = new List<PersistedRow>();
        var profiles = new List<PersistedProfile.Phases>();
        var memory = new ReportTable("Memory under load (peak during the measured window)", "what", "load", "working set", "GC heap");
        var loadAtStart = MachineInfo.LoadAverage();
        var has = (BenchArea area) => options.Areas.HasFlag(area);
        void Progress(string what) => output.WriteLine($"[{clock.Elapsed.TotalSeconds,5:0.0} s] {what}");

        // A smoke run's figures mean nothing, its start-up costs dominate: start the host and the cluster at
        // once, beside the other work. The full run starts each only when its area comes, so nothing else
        // competes for the cores while figures are taken.
        var binaries = ThrowawayCluster.FindBinaries();
        var early = options.Smoke;
        Task<ApiHostProcess>? hostStart = early && has(BenchArea.Http) ? ApiHostProcess.StartAsync(Path.Combine(temp, "http.db"), flow, cancellationToken) : null;
        Task<ThrowawayCluster>? clusterStart = early && has(BenchArea.PostgreSql) && binaries is not null ? ThrowawayCluster.StartAsync(binaries, cancellationToken) : null;
        try
        {
            if (has(BenchArea.Engine))
            {
                Progress("engine in memory");
                report.Tables.Add(await InMemoryBench.RunAsync(new EngineFlow(flow), sizes.EngineWarmUp, sizes.EngineDuration));
            }

            if (has(BenchArea.Sqlite))
            {
                var sqliteConnection = $"Data Source={Path.Combine(temp, "bench.db")}";
                await using var sqlite = await BenchDatabase.OpenAsync(BenchProvider.Sqlite, sqliteConnection, flow, TimeProvider.System, cancellationToken);
                await using var sqliteGrouped = await BenchDatabase.OpenAsync(BenchProvider.Sqlite, sqliteConnection, flow, TimeProvider.System, cancellationToken, groupCommit: true);
                var synchronous = await Ceilings.AppSqliteSynchronousAsync(sqlite, cancellationToken);
                report.Facts.Add($"SQLite: file in a temp folder, journal_mode=WAL, synchronous={synchronous} ({SynchronousName(synchronous)}: the level the app's connections run with, read from one), busy_timeout=5000.");
                foreach (var workers in sizes.Workers)
                {
                    Progress($"SQLite ceiling and persisted, {workers} worker(s)");
                    var ceiling = await Ceilings.SqliteAsync(sqlite.ConnectionString, workers, synchronous, sizes.WarmUp, sizes.CeilingDuration, cancellationToken);
                    persisted.Add(new PersistedRow("SQLite", await PersistedBench.RunAsync(sqlite, flow, workers, sizes, cancellationToken), ceiling));
                    if (workers <= MaxGroupCommitWorkers)
                    {
                        Progress($"SQLite group commit, {workers} worker(s)");
                        persisted.Add(new PersistedRow("SQLite", await PersistedBench.RunAsync(sqliteGrouped, flow, workers, sizes, cancellationToken), ceiling, GroupCommit: true));
                    }
                }

                Progress("SQLite profile");
                profiles.Add(await PersistedProfile.RunAsync(sqlite, flow, sizes.CeilingDuration, cancellationToken));
            }

            if (has(BenchArea.PostgreSql))
            {
                if (binaries is null)
                {
                    report.Facts.Add("PostgreSQL: not measured, no initdb/pg_ctl on PATH or under /usr/lib/postgresql/*/bin.");
                }
                else
                {
                    Progress("PostgreSQL: starting a throwaway cluster");
                    await using var cluster = await (clusterStart ?? ThrowawayCluster.StartAsync(binaries, cancellationToken));
                    clusterStart = null;
                    report.Facts.Add($"PostgreSQL {cluster.Version}: throwaway cluster started by the bench (initdb, pg_ctl) on 127.0.0.1, same disk; {await cluster.DurabilitySettingsAsync(cancellationToken)}.");
                    Progress("PostgreSQL: creating, migrating and seeding the database");
                    var connection = await cluster.CreateDatabaseAsync("bench", cancellationToken);
                    await using var postgres = await BenchDatabase.OpenAsync(BenchProvider.PostgreSql, connection, flow, TimeProvider.System, cancellationToken);
                    await using var postgresGrouped = await BenchDatabase.OpenAsync(BenchProvider.PostgreSql, connection, flow, TimeProvider.System, cancellationToken, groupCommit: true);
                    foreach (var workers in sizes.Workers)
                    {
                        Progress($"PostgreSQL ceiling and persisted, {workers} worker(s)");
                        var ceiling = await Ceilings.PostgreSqlAsync(connection, workers, sizes.WarmUp, sizes.CeilingDuration, cancellationToken);
                        persisted.Add(new PersistedRow("PostgreSQL", await PersistedBench.RunAsync(postgres, flow, workers, sizes, cancellationToken), ceiling));
                        if (workers <= MaxGroupCommitWorkers)
                        {
                            Progress($"PostgreSQL group commit, {workers} worker(s)");
                            persisted.Add(new PersistedRow("PostgreSQL", await PersistedBench.RunAsync(postgresGrouped, flow, workers, sizes, cancellationToken), ceiling, GroupCommit: true));
                        }
                    }

                    Progress("PostgreSQL profile");
                    profiles.Add(await PersistedProfile.RunAsync(postgres, flow, sizes.CeilingDuration, cancellationToken));
                }
            }

            if (persisted.Count > 0)
            {
                report.Tables.Add(PersistedTables.Throughput(persisted));
                report.Tables.Add(PersistedTables.Latency(persisted));
                report.Tables.Add(PersistedProfile.Table(
                    profiles,
                    persisted.Where(r => r.Persisted.Workers == 1 && !r.GroupCommit).ToDictionary(r => r.Database, r => r.Ceiling.Latencies.Percentiles("commit").P50)));
                foreach (var row in persisted)
                {
                    memory.Add($"bench process ({row.Database} in-process{(row.GroupCommit ? ", group commit" : "")})", $"{row.Persisted.Workers} workers", Figures.Mib(row.Persisted.PeakWorkingSetBytes), Figures.Mib(row.Persisted.PeakGcHeapBytes));
                }
            }

            if (has(BenchArea.Http))
            {
                Progress("HTTP: starting the host");
                var results = new List<LoadResult>();
                var hostStarted = Stopwatch.StartNew();
                await using (var host = await (hostStart ?? ApiHostProcess.StartAsync(Path.Combine(temp, "http.db"), flow, cancellationToken)))
                {
                    hostStart = null;
                    if (!early)
                    {
                        report.Facts.Add($"HTTP host: `dotnet {Path.GetFileName(ApiHostProcess.HostPath)}` as a child process, ready (migrated, seeded, /health/ready answering) {Figures.Seconds(hostStarted.Elapsed)} after start.");
                    }

                    if (sizes.HostWarmUpLimit > TimeSpan.Zero)
                    {
                        var most = sizes.VirtualUsers.Max();
                        Progress($"HTTP: warming the host up with {most} virtual users (unreported)");
                        var warm = await HttpBench.WarmUpAsync(host, flow, most, sizes, sizes.HostWarmUpLimit, cancellationToken);
                        report.Facts.Add($"HTTP host warm-up before the first row: {Figures.Seconds(warm.Elapsed)} of unreported load at {most} virtual users, in 10 s windows of "
                            + string.Join(" → ", warm.WindowRates.Select(r => r.ToString("#,0", CultureInfo.InvariantCulture)))
                            + " transitions/s, " + (warm.Settled ? "stopped when a window (the fifth or later) was no more than 5 % faster than the one before" : "stopped at the limit before the rate settled") + " (tiered JIT on busy cores).");
                    }

                    foreach (var users in sizes.VirtualUsers)
                    {
                        Progress($"HTTP, {users} virtual user(s)");
                        var result = await HttpBench.RunAsync(host, flow, users, sizes, cancellationToken);
                        results.Add(result);
                        memory.Add("host process (HTTP, child)", $"{users} virtual users", Figures.Mib(result.PeakWorkingSetBytes), "– (other process)");
                    }
                }

                var peak = persisted.Where(r => r.Database == "SQLite" && r.GroupCommit == ApiHostProcess.GroupCommit).Select(r => (double?)r.Persisted.TransitionsPerSecond).Max();
                report.Tables.Add(PersistedTables.Http(results, peak));
            }

            if (memory.RowCount > 0)
            {
                memory.Note("Working set is the process's resident memory; GC heap is the managed heap after the last GC (server GC, as the host runs). The host's GC heap is not visible from the bench process.");
                report.Tables.Add(memory);
            }

            if (has(BenchArea.Timers))
            {
                Progress("timers");
                report.Tables.Add(await TimersHook.RunAsync(sizes.TimersPending, cancellationToken));
            }

            if (has(BenchArea.Signing))
            {
                Progress("signed results");
                report.Tables.Add(await Signing.SigningBench.RunAsync(options.Smoke, cancellationToken));
            }
        }
        finally
        {
            // Whatever was started early and not reached (an area failed first) is still stopped.
            if (hostStart is not null)
            {
                await (await hostStart).DisposeAsync();
            }

            if (clusterStart is not null)
            {
                await (await clusterStart).DisposeAsync();
            }

            TryDelete(temp);
        }

        report.Elapsed = clock.Elapsed;
        report.Facts.Insert(0, $"Other load: 1-minute load average {loadAtStart} at the start and {MachineInfo.LoadAverage()} at the end of the run (on {Environment.ProcessorCount} cores; the bench alone keeps it near or below the core count). A higher figure means other work shared the machine and every figure here is a lower bound.");
        await output.WriteLineAsync();
        await output.WriteLineAsync(report.ToMarkdown());
        if (options.WriteDocs)
        {
            await output.WriteLineAsync($"Wrote {DocsWriter.Write(report)}.");
        }

        return 0;
    }

    private static string Command(BenchOptions options)
    {
        var arguments = new List<string>();
        if (options.Smoke)
        {
            arguments.Add("--smoke");
        }

        if (options.Areas != BenchArea.All)
        {
            arguments.Add("--only " + options.Areas.ToString().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal));
        }

        return "dotnet run --project tools/Workflows.Bench -c Release" + (arguments.Count > 0 ? " -- " + string.Join(' ', arguments) : "");
    }

    private static string SynchronousName(long level) => level switch
    {
        0 => "OFF",
        1 => "NORMAL",
        2 => "FULL",
        3 => "EXTRA",
        _ => "unknown",
    };

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
