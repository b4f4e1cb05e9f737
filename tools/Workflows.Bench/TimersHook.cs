using System.Reflection;
using Workflows.Bench.Reporting;

namespace Workflows.Bench;

/// <summary>
/// HOOK for the timers issue. tools/Workflows.Bench/Timers/ belongs to the timers work, which will add
/// <c>Workflows.Bench.Timers.TimerBench.RunAsync(int pending, CancellationToken)</c> (100k pending timers,
/// rebuild time, fire lag). Found by name so this file needs no edit when it lands: a returned
/// <see cref="ReportTable"/> is printed as it is; any other result has its public properties listed. Until then
/// the report says the figures are not measured, never a made-up number.
/// </summary>
public static class TimersHook
{
    public const string TypeName = "Workflows.Bench.Timers.TimerBench";

    public static async Task<ReportTable> RunAsync(int pending, CancellationToken cancellationToken)
    {
        var method = typeof(TimersHook).Assembly.GetType(TypeName)?
            .GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static, [typeof(int), typeof(CancellationToken)]);
        if (method is null)
        {
            var pendingTable = new ReportTable("Timers (100k pending: rebuild time, fire lag)", "measure", "value", "target");
            pendingTable.Add("timers: pending the timers issue", "not yet measured", "fire lag p99 ≤ 1 s with 100k pending");
            pendingTable.Note($"The harness calls `{TypeName}.RunAsync(pending, ct)` as soon as the timers issue adds it (tools/Workflows.Bench/Timers/).");
            return pendingTable;
        }

        var task = (Task)method.Invoke(null, [pending, cancellationToken])!;
        await task;
        var result = task.GetType().GetProperty("Result")?.GetValue(task);
        if (result is ReportTable table)
        {
            return table;
        }

        var listed = new ReportTable($"Timers ({pending:N0} pending)", "measure", "value");
        foreach (var property in result?.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [])
        {
            listed.Add(property.Name, Convert.ToString(property.GetValue(result), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }

        return listed;
    }
}
