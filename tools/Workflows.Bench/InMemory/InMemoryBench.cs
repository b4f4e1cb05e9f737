using System.Diagnostics;
using Workflows.Bench.Reporting;

namespace Workflows.Bench.InMemory;

/// <summary>
/// Transitions per second of the pure core on the five-step flow: no I/O, no serialization, one thread per
/// core, fixed calendar. Allocations are counted on the measuring thread only, so they are the engine's own.
/// </summary>
public static class InMemoryBench
{
    public const double TargetPerCore = 100_000;

    private const int Samples = 5;

    public static async Task<ReportTable> RunAsync(EngineFlow flow, TimeSpan warmUp, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(flow);
        Measure(flow, warmUp);

        // Tiered compilation keeps improving the code for a while and this VM's neighbours come and go:
        // report the median of several samples with their spread rather than one lucky or unlucky second.
        var samples = Enumerable.Range(0, Samples).Select(_ => Measure(flow, duration / Samples)).OrderBy(s => s.PerSecond).ToArray();
        var one = samples[Samples / 2];
        var cores = Environment.ProcessorCount;
        var all = await Task.WhenAll(Enumerable.Range(0, cores).Select(_ => Task.Factory.StartNew(
            () => Measure(flow, duration), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)));

        var table = new ReportTable("Engine in memory (birth-registration, five steps)", "threads", "transitions/s", "dossiers/s", "µs/transition", "allocated/transition", "target");
        table.Add("1", Figures.Rate(one.PerSecond), Figures.Rate(one.PerSecond / flow.TransitionsPerDossier), Figures.Ms(1_000_000 / one.PerSecond), Figures.Bytes(one.BytesPerTransition),
            Verdict(one.PerSecond));
        var total = all.Sum(r => r.PerSecond);
        table.Add(cores.ToString(System.Globalization.CultureInfo.InvariantCulture), Figures.Rate(total), Figures.Rate(total / flow.TransitionsPerDossier), Figures.Ms(1_000_000 * cores / total),
            Figures.Bytes(all.Average(r => r.BytesPerTransition)), "–");
        table.Note($"Single thread: median of {Samples} samples of {Figures.Seconds(duration / Samples)} after {Figures.Seconds(warmUp)} of warm-up; the samples ranged {Figures.Rate(samples[0].PerSecond)}–{Figures.Rate(samples[^1].PerSecond)} transitions/s. All threads: one sample of {Figures.Seconds(duration)}, summed.");
        table.Note($"One transition = one accepted command (submit, attach or complete) through `WorkflowExecutor.Execute`; {flow.TransitionsPerDossier} per dossier. Commands are built once; the state is the engine's own immutable output.");
        table.Note("`dotnet run --project tools/Workflows.Bench -c Release -- micro` runs the BenchmarkDotNet version of a single decision (CompleteTask on the appraise step).");
        return table;
    }

    private static string Verdict(double perSecond) => perSecond >= TargetPerCore
        ? $"≥ {Figures.Rate(TargetPerCore)}/s: met"
        : $"≥ {Figures.Rate(TargetPerCore)}/s: missed by {Figures.Percent(1 - (perSecond / TargetPerCore))}";

    private static (double PerSecond, double BytesPerTransition) Measure(EngineFlow flow, TimeSpan duration)
    {
        var dossiers = 0L;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        var stopAt = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long now;
        do
        {
            for (var i = 0; i < 16; i++)
            {
                GC.KeepAlive(flow.RunOneDossier());
            }

            dossiers += 16;
            now = Stopwatch.GetTimestamp();
        }
        while (now < stopAt);

        var transitions = dossiers * flow.TransitionsPerDossier;
        var seconds = (double)(now - started) / Stopwatch.Frequency;
        return (transitions / seconds, (double)(GC.GetAllocatedBytesForCurrentThread() - bytesBefore) / transitions);
    }
}
