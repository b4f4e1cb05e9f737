using System.Globalization;
using Workflows.Bench.Flow;
using Workflows.Bench.Http;
using Workflows.Bench.Measuring;
using Workflows.Bench.Reporting;

namespace Workflows.Bench.Persisted;

/// <summary>The persisted and HTTP figures as report tables, each beside what it is judged against.</summary>
public static class PersistedTables
{
    public const double CeilingTarget = 0.5;
    public const double GroupCommitTarget = 1.0;
    public const double HttpTarget = 0.5;

    public static ReportTable Throughput(IEnumerable<PersistedRow> rows)
    {
        var table = new ReportTable(
            "Persisted: WorkflowRuntime + EF stores, five-step flow",
            "database", "commits", "workers", "dossiers/s", "transitions/s", "ceiling commits/s", "ratio to ceiling", "target", "bench CPU ms/transition", "machine CPU busy / I/O wait");
        foreach (var row in rows)
        {
            table.Add(row.Database, Mode(row), Int(row.Persisted.Workers), Figures.Rate(row.Persisted.DossiersPerSecond), Figures.Rate(row.Persisted.TransitionsPerSecond),
                Figures.Rate(row.Ceiling.TransitionsPerSecond), Figures.Ratio(row.Ratio), $"{(row.GroupCommit ? "> 1×" : "≥ 0.5×")}: {Verdict(row.Ratio, row.Target)}",
                Figures.Ms(row.Persisted.CpuMsPerTransition), Machine(row.Persisted.Cpu));
        }

        table.Note("A transition is one accepted command (submit, attach or complete-task): state row, events, task rows, timers, durable when the caller gets its answer. A dossier is eight: submit, the citizen's upload of the two required components (the desk cannot accept without them), five completions.");
        table.Note($"Load spread: worker n receives its dossiers at commune n (the demo's xa-tan-an and {BirthRegistrationFlow.CommuneCount - 1} bench-seeded communes, each with its own desk, officials and registers), as a province's load is spread over its communes; workers never share a register.");
        table.Note("Commits: \"each\" is one transaction per command; \"group\" is group commit (ADR 0011, `AddWorkflowsGroupCommit`, batches of up to 64, no linger): one writer commits every change waiting at that moment in one transaction, so one durable flush carries many commands and the ratio can pass 1×. Two commands of one batch that draw from the same register get consecutive numbers (ADR 0017); with one commune per worker they rarely do.");
        table.Note("The ceiling is measured in the same run, right before each row, on the same database at the same concurrency: SQLite a minimal insert + update transaction, PostgreSQL a pgbench-style single-row UPDATE.");
        table.Note("CPU: the bench process's CPU time in the window per transition (runtime, EF Core, driver; the database server's own CPU is not in it), and the whole machine's busy and I/O-wait share of all cores.");
        return table;
    }

    public static ReportTable Latency(IEnumerable<PersistedRow> rows)
    {
        var table = new ReportTable("Persisted: latency per command type (ms, p50 / p95 / p99)", "database", "commits", "workers", "submit", "attach", "complete-task", "ceiling commit");
        foreach (var row in rows)
        {
            table.Add(row.Database, Mode(row), Int(row.Persisted.Workers), Triple(row.Persisted.Latencies.Percentiles("submit")),
                Triple(row.Persisted.Latencies.Percentiles("attach")), Triple(row.Persisted.Latencies.Percentiles("complete")), Triple(row.Ceiling.Latencies.Percentiles("commit")));
        }

        return table;
    }

    public static ReportTable Http(IEnumerable<LoadResult> results, double? inProcessPeak)
    {
        var table = new ReportTable(
            "End to end over HTTP (real host, Kestrel on loopback, SQLite)",
            "virtual users", "dossiers/s", "transitions/s", "p95 all requests", "submit p50 / p95", "complete p50 / p95", "sign or seal p50 / p95", "ratio to in-process SQLite", "target ≥ 0.5× at 50", "host CPU ms/transition", "machine CPU busy / I/O wait");
        foreach (var r in results)
        {
            var ratio = inProcessPeak is { } peak ? r.TransitionsPerSecond / peak : double.NaN;
            var submit = r.Latencies.Percentiles("submit");
            var complete = r.Latencies.Percentiles("complete");
            var sign = r.Latencies.Percentiles("sign");
            table.Add(Int(r.Workers), Figures.Rate(r.DossiersPerSecond), Figures.Rate(r.TransitionsPerSecond), $"{Figures.Ms(r.Latencies.PercentilesOfAll().P95)} ms",
                $"{Figures.Ms(submit.P50)} / {Figures.Ms(submit.P95)} ms", $"{Figures.Ms(complete.P50)} / {Figures.Ms(complete.P95)} ms",
                $"{Figures.Ms(sign.P50)} / {Figures.Ms(sign.P95)} ms", Figures.Ratio(ratio), r.Workers >= 50 ? Verdict(ratio, HttpTarget) : "–",
                r.TransitionsPerSecond > 0 ? Figures.Ms(r.CpuMsPerTransition) : "–", Machine(r.Cpu));
        }

        table.Note("Each virtual user submits as citizen-an and uploads the two required components (PDF scans), then its commune's desk officer, civil-status officer, chair (signs the result: the host renders the PDF and signs it with the chair's server-held key), clerk (seals it with the commune's organization key) and desk officer complete the five steps (X-Workflows-User), each taking the next task id from the previous answer; no think time. Eight requests per dossier.");
        table.Note(string.Create(CultureInfo.InvariantCulture, $"Virtual user n works at commune n of {BirthRegistrationFlow.CommuneCount} (the bench adds its communes to the host's database before the host starts), as the in-process workers do; above {BirthRegistrationFlow.CommuneCount} users communes are shared, and a clerk whose sealed result number was taken meanwhile seals again, as the problem tells them ({HttpBench.Resealed} re-seals in this run, inside the sign or seal latency)."));
        table.Note("The in-process rows pass stand-in signature evidence (they measure the engine and the store), while over HTTP two of the eight requests render and sign a PDF; the sign or seal column shows what that costs, and the host CPU per transition includes it.");
        table.Note(inProcessPeak is { } p
            ? $"The ratio compares with the best in-process SQLite rate of this run in the commit mode the host runs ({(ApiHostProcess.GroupCommit ? "group commit" : "one commit per command")}, {Figures.Rate(p)} transitions/s)."
            : "No in-process SQLite figure in this run (--only without sqlite), so no ratio.");
        table.Note("The load generator runs on the same machine as the host and shares its cores.");
        return table;
    }

    public static string Verdict(double ratio, double target) => double.IsNaN(ratio)
        ? "–"
        : ratio >= target ? "met" : $"missed by {Figures.Percent(1 - (ratio / target))}";

    private static string Mode(PersistedRow row) => row.GroupCommit ? "group" : "each";

    private static string Machine(CpuUse cpu) => $"{Figures.Percent(cpu.MachineBusy)} / {Figures.Percent(cpu.MachineIoWait)}";

    private static string Triple(Percentiles p) => $"{Figures.Ms(p.P50)} / {Figures.Ms(p.P95)} / {Figures.Ms(p.P99)}";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
