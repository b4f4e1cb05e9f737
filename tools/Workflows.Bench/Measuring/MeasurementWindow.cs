using System.Diagnostics;

namespace Workflows.Bench.Measuring;

/// <summary>
/// A warm-up followed by a measured window. Work that started before the window or ended after it is done
/// but not counted, so every worker is at full speed for the whole window and nothing half-done inflates it.
/// </summary>
public sealed class MeasurementWindow
{
    private readonly long start;
    private readonly long end;

    public MeasurementWindow(TimeSpan warmUp, TimeSpan duration)
    {
        Duration = duration;
        start = Stopwatch.GetTimestamp() + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    }

    public TimeSpan Duration { get; }

    /// <summary>Workers stop taking new work once the window has closed.</summary>
    public bool IsOver => Stopwatch.GetTimestamp() >= end;

    public bool Counts(long startedAt, long endedAt) => startedAt >= start && endedAt <= end;

    public Task WaitForStartAsync(CancellationToken cancellationToken) => WaitUntilAsync(start, cancellationToken);

    /// <summary>Waits until the window closes (for samplers running beside the workers).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => WaitUntilAsync(end, cancellationToken);

    private static Task WaitUntilAsync(long timestamp, CancellationToken cancellationToken)
    {
        var left = timestamp - Stopwatch.GetTimestamp();
        return left <= 0 ? Task.CompletedTask : Task.Delay(TimeSpan.FromSeconds((double)left / Stopwatch.Frequency), cancellationToken);
    }
}
