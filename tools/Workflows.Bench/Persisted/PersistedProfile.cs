using System.Diagnostics;
using System.Text.Json;
using Workflows.Bench.Flow;
using Workflows.Bench.Reporting;
using Workflows.Engine.Calendar;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Persistence;
using Workflows.Engine.Serialization;

namespace Workflows.Bench.Persisted;

/// <summary>
/// Where the time of one persisted command goes, one worker, no contention: the runtime's own steps (load the
/// state, find the compiled definition, decide, save) timed separately, plus the SQL statements each sends
/// and the cost of the state's JSON alone. A profile cheap enough to run every time, so it never goes stale.
/// </summary>
public static class PersistedProfile
{
    public sealed record Phases(string Database, int Commands, double LoadUs, double ResolveUs, double DecideUs, double SaveUs, double SerializeUs, double StatementsLoad, double StatementsSave, double SubmitUs, double StatementsSubmit)
    {
        public double TotalUs => LoadUs + ResolveUs + DecideUs + SaveUs;
    }

    public static async Task<Phases> RunAsync(BenchDatabase database, BirthRegistrationFlow flow, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(flow);
        var executor = new WorkflowExecutor(new DefaultCalendarSource(TimeProvider.System));
        var persisted = new PersistedFlow(flow, database.Runtime);
        var pool = new SubmissionPool(64, seed: 99);
        long load = 0, resolve = 0, decide = 0, save = 0, serialize = 0, submit = 0;
        long loadStatements = 0, saveStatements = 0, submitStatements = 0;
        var commands = 0;
        var submits = 0;
        var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; Stopwatch.GetTimestamp() < stopAt; i++)
        {
            var before = database.Statements.Count;
            var t0 = Stopwatch.GetTimestamp();
            var state = await persisted.SubmitAsync(pool[i], cancellationToken);
            submit += Stopwatch.GetTimestamp() - t0;
            submitStatements += database.Statements.Count - before;
            submits++;
            foreach (var step in flow.Steps)
            {
                var command = new CompleteTask(state.ActiveSteps.Single().Instance, step.Outcome, step.Data, step.Actor);

                // The same sequence as WorkflowRuntime.ExecuteAsync, timed step by step.
                var s0 = database.Statements.Count;
                var a = Stopwatch.GetTimestamp();
                var loaded = (await database.Dossiers.FindAsync(state.Dossier, cancellationToken))!;
                var b = Stopwatch.GetTimestamp();
                var procedure = (await database.Procedures.FindAsync(loaded.Definition, cancellationToken))!;
                var c = Stopwatch.GetTimestamp();
                var accepted = (Accepted)executor.Execute(procedure, loaded, command, DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(7)));
                var d = Stopwatch.GetTimestamp();
                var s1 = database.Statements.Count;
                await database.Dossiers.SaveAsync(DossierChange.From(accepted), cancellationToken);
                var e = Stopwatch.GetTimestamp();
                var s2 = database.Statements.Count;

                // Serialization happens inside load and save; time the state's JSON round trip alone for scale.
                var json = JsonSerializer.Serialize(accepted.State, WorkflowJson.Options);
                GC.KeepAlive(JsonSerializer.Deserialize<InstanceState>(json, WorkflowJson.Options));
                var f = Stopwatch.GetTimestamp();

                load += b - a;
                resolve += c - b;
                decide += d - c;
                save += e - d;
                serialize += f - e;
                loadStatements += s1 - s0;
                saveStatements += s2 - s1;
                commands++;
                state = accepted.State;
            }
        }

        double Us(long ticks, int n) => ticks * 1_000_000.0 / Stopwatch.Frequency / Math.Max(1, n);
        return new Phases(
            database.Name, commands, Us(load, commands), Us(resolve, commands), Us(decide, commands), Us(save, commands), Us(serialize, commands),
            (double)loadStatements / Math.Max(1, commands), (double)saveStatements / Math.Max(1, commands), Us(submit, submits), (double)submitStatements / Math.Max(1, submits));
    }

    public static ReportTable Table(IReadOnlyList<Phases> profiles, IReadOnlyDictionary<string, double> ceilingCommitMs)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(ceilingCommitMs);
        var table = new ReportTable(
            "Where a persisted command's time goes (1 worker, complete-task, mean per command)",
            "database", "load state", "resolve definition", "decide (core)", "save (1 transaction)", "total", "SQL statements (load + save)", "state JSON round trip", "ceiling commit p50", "submit (whole)");
        foreach (var p in profiles)
        {
            string Part(double us) => $"{Figures.Ms(us / 1000)} ms ({Figures.Percent(us / p.TotalUs)})";
            table.Add(
                p.Database, Part(p.LoadUs), Part(p.ResolveUs), Part(p.DecideUs), Part(p.SaveUs), $"{Figures.Ms(p.TotalUs / 1000)} ms",
                $"{p.StatementsLoad:0.#} + {p.StatementsSave:0.#}", $"{Figures.Ms(p.SerializeUs / 1000)} ms",
                ceilingCommitMs.TryGetValue(p.Database, out var ms) ? $"{Figures.Ms(ms)} ms" : "–",
                $"{Figures.Ms(p.SubmitUs / 1000)} ms, {p.StatementsSubmit:0.#} statements");
        }

        table.Note("Statements are counted by an EF command interceptor; BEGIN/COMMIT are not statements EF sends through it, so add two round trips per save.");
        table.Note("The JSON figure serializes and parses the new state once with the engine's options; load and save each do half of that inside their time.");
        return table;
    }
}
