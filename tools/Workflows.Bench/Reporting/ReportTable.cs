using System.Globalization;
using System.Text;

namespace Workflows.Bench.Reporting;

/// <summary>One table of figures with the notes that explain it; rendered as Markdown for the console and the docs.</summary>
public sealed class ReportTable(string title, params string[] columns)
{
    private readonly List<string[]> rows = [];

    public string Title { get; } = title;

    public List<string> Notes { get; } = [];

    public int RowCount => rows.Count;

    public void Add(params string[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"Table '{Title}' has {columns.Length} columns; got {cells.Length} cells.", nameof(cells));
        }

        rows.Add(cells);
    }

    public void Note(string note) => Notes.Add(note);

    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append("### ").AppendLine(Title).AppendLine();
        text.Append("| ").AppendJoin(" | ", columns).AppendLine(" |");
        text.Append('|').AppendJoin('|', columns.Select(c => IsNumeric(c) ? " ---: " : " --- ")).AppendLine("|");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        foreach (var note in Notes)
        {
            text.AppendLine().Append("- ").Append(note);
        }

        return text.AppendLine().ToString();
    }

    // Right-align figure columns so they read like numbers; names stay left.
    private static bool IsNumeric(string column) => !column.Equals("database", StringComparison.Ordinal)
        && !column.Equals("measure", StringComparison.Ordinal) && !column.Equals("target", StringComparison.Ordinal)
        && !column.Equals("command", StringComparison.Ordinal) && !column.Equals("what", StringComparison.Ordinal);
}

/// <summary>How figures are written everywhere: invariant culture, thousands separated, a fixed number of decimals.</summary>
public static class Figures
{
    public static string Rate(double perSecond) => double.IsNaN(perSecond) ? "–" : perSecond.ToString(perSecond >= 100 ? "N0" : "N1", CultureInfo.InvariantCulture);

    public static string Ms(double milliseconds) => double.IsNaN(milliseconds) ? "–" : milliseconds.ToString(milliseconds >= 100 ? "N0" : "N2", CultureInfo.InvariantCulture);

    public static string Ratio(double ratio) => double.IsNaN(ratio) ? "–" : ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";

    public static string Mib(long bytes) => (bytes / 1024.0 / 1024.0).ToString("N0", CultureInfo.InvariantCulture) + " MiB";

    public static string Mib(long? bytes) => bytes is { } b ? Mib(b) : "–";

    public static string Bytes(double bytes) => bytes.ToString("N0", CultureInfo.InvariantCulture) + " B";

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0#", CultureInfo.InvariantCulture) + " s";

    public static string Percent(double fraction) => double.IsNaN(fraction) ? "–" : (fraction * 100).ToString("0", CultureInfo.InvariantCulture) + " %";
}
