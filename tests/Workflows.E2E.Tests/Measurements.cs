using System.Globalization;

namespace Workflows.E2E.Tests;

/// <summary>
/// Figures the browser tests measure (Performance API), for the report: in the test output and appended to
/// artifacts/measurements.txt. Each line carries the machine's load average at that moment, since the same figure
/// means something else on an idle machine and on two cores shared by several builds.
/// </summary>
internal static class Measurements
{
    public static void Report(string name, double milliseconds)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{name}: {milliseconds:F0} ms (load average {LoadAverage()})");
        Directory.CreateDirectory(DesignerHost.ArtifactDirectory);
        File.AppendAllText(Path.Combine(DesignerHost.ArtifactDirectory, "measurements.txt"), $"{DateTimeOffset.UtcNow:O} {line}\n");
        TestContext.Current.SendDiagnosticMessage(line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }

    /// <summary>The 1-minute load average (Linux), or "n/a".</summary>
    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
        catch (UnauthorizedAccessException)
        {
            return "n/a";
        }
    }
}
