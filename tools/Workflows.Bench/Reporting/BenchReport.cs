using System.Globalization;
using System.Text;

namespace Workflows.Bench.Reporting;

/// <summary>Everything one run measured, with when, where and how, rendered once for the console and the docs.</summary>
public sealed class BenchReport(DateTimeOffset startedAt, MachineInfo machine, string command)
{
    public List<ReportTable> Tables { get; } = [];

    /// <summary>Settings that change what the figures mean (durability, versions).</summary>
    public List<string> Facts { get; } = [];

    public TimeSpan Elapsed { get; set; }

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Measured {startedAt:yyyy-MM-dd HH:mm} UTC in {Figures.Seconds(Elapsed)} by `{command}`.").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {machine.ToMarkdown()}.");
        foreach (var fact in Facts)
        {
            text.Append("- ").AppendLine(fact);
        }

        foreach (var table in Tables)
        {
            text.AppendLine().Append(table.ToMarkdown());
        }

        return text.ToString();
    }
}
