using System.Globalization;
using System.Runtime.InteropServices;

namespace Workflows.Bench.Reporting;

/// <summary>What the figures were measured on; without it a figure means nothing to the next reader.</summary>
public sealed record MachineInfo(int Cores, string Cpu, long MemoryBytes, string OperatingSystem, string Runtime, string Gc, string Disk)
{
    public static MachineInfo Describe(string dataDirectory) => new(
        Environment.ProcessorCount,
        CpuModel(),
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        System.Runtime.GCSettings.IsServerGC ? "server GC" : "workstation GC",
        FileSystemOf(dataDirectory));

    public string ToMarkdown() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Cores} cores ({Cpu}), {MemoryBytes / 1024.0 / 1024 / 1024:0.0} GiB memory, {OperatingSystem}, {Runtime} ({Gc}); temp files on {Disk}");

    /// <summary>
    /// The 1-minute load average (Linux), read at the start and end of a run: figures taken while other work
    /// shares the cores are lower bounds, and the reader must be told.
    /// </summary>
    public static string LoadAverage()
    {
        const string LoadAvg = "/proc/loadavg";
        return File.Exists(LoadAvg) ? File.ReadAllText(LoadAvg).Split(' ')[0] : "unknown";
    }

    private static string CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (File.Exists(CpuInfo))
        {
            var line = File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            if (line is not null)
            {
                return line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        return RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>The mount that holds the temp folder (durable-commit rates depend on it more than on the CPU).</summary>
    private static string FileSystemOf(string path)
    {
        const string Mounts = "/proc/mounts";
        if (!File.Exists(Mounts))
        {
            return "unknown file system";
        }

        var full = Path.GetFullPath(path);
        var best = File.ReadLines(Mounts)
            .Select(l => l.Split(' '))
            .Where(p => p.Length >= 3 && full.StartsWith(p[1], StringComparison.Ordinal))
            .MaxBy(p => p[1].Length);
        return best is null ? "unknown file system" : $"{best[0]} ({best[2]}) mounted at {best[1]}";
    }
}
