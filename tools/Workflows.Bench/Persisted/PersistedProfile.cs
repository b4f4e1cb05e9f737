using System.Diagnostics;
using System.Text.Json;
using Workflows.Bench.Flow;
using Workflows.Bench.Reporting;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Calendar;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Serialization;

namespace Workflows.Bench.Persisted;

/// <summary>
/// Where the time of one persisted command goes, one worker, no contention: the runtime's steps (load the
/// state, find the compiled definition, decide, save) timed separately, and inside load and save what the
/// database driver reported for opening, BEGIN, each statement and COMMIT (<see cref="SqlMeter"/>), the rest
/// being EF, JSON and our code. Cheap enough to run every time, so the profile never goes stale.
/// </summary>
public static class PersistedProfile
{
    public sealed record Phases(string Database, int Commands, long Load, long Resolve, long Decide, long Save, long Json, SqlTotals LoadSql, SqlTotals SaveSql, long Submit, int Submits, SqlTotals SubmitSql)
    {
        public double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency / Math.Max(1, Commands);

        public long Total => Load + Resolve + Decide + Save;
    }

    public static async Task<Phases> RunAsync(BenchDatabase database, BirthRegistrationFlow flow, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(flow);
        var executor = new WorkflowExecutor(DefaultCalendarSource.Around(TimeProvider.System.GetUtcNow()));
        var persisted = new PersistedFlow(flow, database.Runtime);
        var pool = new SubmissionPool(64, seed: 99);
        long load = 0, resolve = 0, decide = 0, save = 0, json = 0, submit = 0;
        SqlTotals loadSql = default, saveSql = default, submitSql = default;
        var commands = 0;
        var submits = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; Stopwatch.GetTimestamp() < stopAt; i++)
        {
            var before = database.Sql.Totals;
            var t0 = Stopwatch.GetTimestamp();
            var state = await persisted.SubmitAsync(pool[i], cancellationToken);
            submit += Stopwatch.GetTimestamp() - t0;
            submitSql += database.Sql.Totals - before;
            submits++;
            state = await persisted.AttachComponentsAsync(state, cancellationToken);
            foreach (var step in flow.Steps)
            {
                var command = new CompleteTask(state.ActiveSteps.Single().Instance, step.Outcome, step.Data, step.Actor) { Signature = step.Signature };

                // The same sequence as WorkflowRuntime.ExecuteAsync, timed step by step.
                var s0 = database.Sql.Totals;
                var a = Stopwatch.GetTimestamp();
                var loaded = (await database.Dossiers.FindAsync(state.Dossier, cancellationToken))!;
                var b = Stopwatch.GetTimestamp();
                var procedure = (await database.Procedures.FindAsync(loaded.Definition, cancellationToken))!;
                var now = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7));

                // Counted with loading the definition: the register read the runtime does before deciding.
                var numbers = await database.Registers.ReadAsync(WorkflowExecutor.RegisterKeysFor(procedure, loaded, now), cancellationToken);
                var c = Stopwatch.GetTimestamp();
                var accepted = (Accepted)executor.Execute(procedure, loaded, command, now, numbers);
                var d = Stopwatch.GetTimestamp();
                var s1 = database.Sql.Totals;
                await database.Dossiers.SaveAsync(DossierChange.From(accepted, loaded), cancellationToken);
                var e = Stopwatch.GetTimestamp();
                var s2 = database.Sql.Totals;

                // Serialization happens inside load and save; time the state's JSON round trip alone for scale.
                var text = JsonSerializer.Serialize(accepted.State, WorkflowJson.Options);
                GC.KeepAlive(JsonSerializer.Deserialize<InstanceState>(text, WorkflowJson.Options));
                var f = Stopwatch.GetTimestamp();

                load += b - a;
                resolve += c - b;
                decide += d - c;
                save += e - d;
                json += f - e;
                loadSql += s1 - s0;
                saveSql += s2 - s1;
                commands++;
                state = accepted.State;
            }
        }

        return new Phases(database.Name, commands, load, resolve, decide, save, json, loadSql, saveSql, submit, submits, submitSql);
    }

    public static ReportTable Table(IReadOnlyList<Phases> profiles, IReadOnlyDictionary<string, double> ceilingCommitMs)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(ceilingCommitMs);
        var table = new ReportTable(
            "Profile: where one persisted complete-task goes (1 worker, mean ms per command, share of the total)",
            ["what", .. profiles.Select(p => p.Database)]);
        void Row(string what, Func<Phases, string> cell) => table.Add([what, .. profiles.Select(cell)]);
        string Part(Phases p, long ticks) => $"{Figures.Ms(p.Ms(ticks))} ({Figures.Percent((double)ticks / p.Total)})";
        // "rest" is the wall time minus the driver's own durations: two clocks, so a rest near nothing can come out a
        // hair below zero; it is shown as 0.
        string Rest(Phases p, long ticks) => Part(p, Math.Max(0, ticks));
        static double Per(Phases p, long count) => (double)count / Math.Max(1, p.Commands);

        Row("load state (FindAsync)", p => Part(p, p.Load));
        Row("  opening the connection", p => Part(p, p.LoadSql.OpenTicks));
        Row("  SQL", p => $"{Part(p, p.LoadSql.StatementTicks)}, {Per(p, p.LoadSql.Statements):0.#} statement");
        Row("  EF, JSON parse, rest", p => Rest(p, p.Load - p.LoadSql.OpenTicks - p.LoadSql.StatementTicks));
        Row("resolve compiled definition (cache) and read registers", p => Part(p, p.Resolve));
        Row("decide (the pure core)", p => Part(p, p.Decide));
        Row("save (SaveAsync, one transaction)", p => Part(p, p.Save));
        Row("  opening the connection", p => Part(p, p.SaveSql.OpenTicks));
        Row("  BEGIN", p => Part(p, p.SaveSql.BeginTicks));
        Row("  SQL statements", p => $"{Part(p, p.SaveSql.StatementTicks)}, {Per(p, p.SaveSql.Statements):0.#} statements");
        Row("  COMMIT (durable flush)", p => Part(p, p.SaveSql.CommitTicks));
        Row("  EF change tracking, JSON, rest", p => Rest(p, p.Save - p.SaveSql.OpenTicks - p.SaveSql.BeginTicks - p.SaveSql.StatementTicks - p.SaveSql.CommitTicks));
        Row("total per command", p => Figures.Ms(p.Ms(p.Total)));
        Row("for scale: ceiling commit p50, same database", p => ceilingCommitMs.TryGetValue(p.Database, out var ms) ? Figures.Ms(ms) : "–");
        Row("for scale: the state's JSON round trip alone", p => Figures.Ms(p.Ms(p.Json)));
        Row("submit, whole (for comparison)", p => $"{Figures.Ms(p.Submit * 1000.0 / Stopwatch.Frequency / Math.Max(1, p.Submits))}, {(double)p.SubmitSql.Statements / Math.Max(1, p.Submits):0.#} statements");
        table.Note("Driver times come from EF's interceptors (statement, BEGIN, COMMIT and connection-open durations); \"rest\" is the operation's wall time minus them: EF Core's pipeline, change tracking, JSON and our code.");
        return table;
    }
}
