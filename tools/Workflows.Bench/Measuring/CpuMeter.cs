using System.Diagnostics;
using System.Globalization;

namespace Workflows.Bench.Measuring;

/// <summary>CPU spent during the measured window: by one process, and by the whole machine (busy and I/O wait).</summary>
public sealed record CpuUse(double ProcessSeconds, double MachineBusy, double MachineIoWait)
{
    public static readonly CpuUse Unknown = new(double.NaN, double.NaN, double.NaN);

    /// <summary>Brackets the window: read at its start and at its end, so warm-up and wind-down are left out.</summary>
    public static async Task<CpuUse> MeasureAsync(Process process, MeasurementWindow window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(window);
        await window.WaitForStartAsync(cancellationToken);
        var (cpu0, machine0) = (ProcessorTime(process), MachineTicks());
        await window.WaitAsync(cancellationToken);
        var (cpu1, machine1) = (ProcessorTime(process), MachineTicks());
        if (machine0 is null || machine1 is null)
        {
            return new CpuUse((cpu1 - cpu0).TotalSeconds, double.NaN, double.NaN);
        }

        var total = machine1.Value.Total - machine0.Value.Total;
        return new CpuUse(
            (cpu1 - cpu0).TotalSeconds,
            (double)(machine1.Value.Busy - machine0.Value.Busy) / total,
            (double)(machine1.Value.IoWait - machine0.Value.IoWait) / total);
    }

    private static TimeSpan ProcessorTime(Process process)
    {
        try
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>The first line of /proc/stat: user nice system idle iowait irq softirq steal (Linux only).</summary>
    private static (long Total, long Busy, long IoWait)? MachineTicks()
    {
        const string Stat = "/proc/stat";
        if (!File.Exists(Stat))
        {
            return null;
        }

        var fields = File.ReadLines(Stat).First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Take(8)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var idle = fields[3];
        var ioWait = fields[4];
        var total = fields.Sum();
        return (total, total - idle - ioWait, ioWait);
    }
}
