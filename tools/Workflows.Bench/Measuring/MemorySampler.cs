using System.Diagnostics;

namespace Workflows.Bench.Measuring;

/// <summary>Peak working set (this process or another) and peak GC heap (this process only) while a load runs.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly Process process;
    private readonly bool ownProcess;
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    private MemorySampler(Process process, bool ownProcess)
    {
        this.process = process;
        this.ownProcess = ownProcess;
        sampling = Task.Run(() => SampleAsync(stop.Token));
    }

    /// <summary>The process being sampled.</summary>
    public Process Process => process;

    public long PeakWorkingSetBytes { get; private set; }

    /// <summary>Null when the sampled process is another one (its GC heap is not visible from here).</summary>
    public long? PeakGcHeapBytes { get; private set; }

    public static MemorySampler OfThisProcess() => new(Process.GetCurrentProcess(), ownProcess: true);

    public static MemorySampler Of(Process other) => new(other, ownProcess: false);

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
        if (ownProcess)
        {
            process.Dispose();
        }
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Sample();
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        Sample();
    }

    private void Sample()
    {
        try
        {
            process.Refresh();
            PeakWorkingSetBytes = Math.Max(PeakWorkingSetBytes, process.WorkingSet64);
        }
        catch (InvalidOperationException)
        {
            // The other process exited; keep what was seen.
        }

        if (ownProcess)
        {
            PeakGcHeapBytes = Math.Max(PeakGcHeapBytes ?? 0, GC.GetGCMemoryInfo().HeapSizeBytes);
        }
    }
}
