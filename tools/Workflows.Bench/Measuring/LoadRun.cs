using System.Diagnostics;

namespace Workflows.Bench.Measuring;

/// <summary>What one worker records: each command's latency and each finished dossier, inside the window only.</summary>
public sealed class WorkerRecord(MeasurementWindow window)
{
    public LatencySamples Latencies { get; } = new();

    public int Dossiers { get; private set; }

    public int Transitions { get; private set; }

    public MeasurementWindow Window { get; } = window;

    /// <summary>Times one command and records it if it fell inside the window.</summary>
    public async Task<T> TimeAsync<T>(string kind, Func<Task<T>> command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var started = Stopwatch.GetTimestamp();
        var result = await command();
        var ended = Stopwatch.GetTimestamp();
        if (Window.Counts(started, ended))
        {
            Latencies.Add(kind, ended - started);
            Transitions++;
        }

        return result;
    }

    public void DossierFinished(long startedAt)
    {
        if (Window.Counts(startedAt, Stopwatch.GetTimestamp()))
        {
            Dossiers++;
        }
    }
}

/// <summary>The merged outcome of N workers over one window.</summary>
public sealed record LoadResult(int Workers, TimeSpan Window, int Dossiers, int Transitions, LatencySamples Latencies, long PeakWorkingSetBytes, long? PeakGcHeapBytes, CpuUse Cpu)
{
    /// <summary>CPU milliseconds the measured process spent per transition (the bench process, or the host for HTTP).</summary>
    public double CpuMsPerTransition => Cpu.ProcessSeconds * 1000 / Transitions;

    public double DossiersPerSecond => Dossiers / Window.TotalSeconds;

    public double TransitionsPerSecond => Transitions / Window.TotalSeconds;
}

/// <summary>Runs N workers, each repeating one dossier's whole flow until the window closes.</summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(
        int workers,
        TimeSpan warmUp,
        TimeSpan duration,
        Func<int, WorkerRecord, CancellationToken, Task> oneDossier,
        Func<MemorySampler>? memory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(oneDossier);
        var window = new MeasurementWindow(warmUp, duration);
        var records = Enumerable.Range(0, workers).Select(_ => new WorkerRecord(window)).ToArray();
        var sampler = (memory ?? MemorySampler.OfThisProcess)();
        CpuUse cpu;
        await using (sampler)
        {
            var cpuTask = CpuUse.MeasureAsync(sampler.Process, window, cancellationToken);
            await Task.WhenAll(records.Select((record, worker) => Task.Run(
                async () =>
                {
                    while (!window.IsOver)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await oneDossier(worker, record, cancellationToken);
                    }
                },
                cancellationToken)));
            cpu = await cpuTask;
        }

        return new LoadResult(
            workers,
            duration,
            records.Sum(r => r.Dossiers),
            records.Sum(r => r.Transitions),
            LatencySamples.Merge(records.Select(r => r.Latencies)),
            sampler.PeakWorkingSetBytes,
            sampler.PeakGcHeapBytes,
            cpu);
    }
}
