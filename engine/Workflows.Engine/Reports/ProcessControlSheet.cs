using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Sla;

namespace Workflows.Engine.Reports;

/// <summary>One row of form 05: who had the dossier at a step, from when to when, and whether in time.</summary>
public sealed record ControlSheetRow(int StepInstance, string Step, string StepName, string? Role, string? Unit, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt)
{
    public DateTimeOffset? HandedOverAt { get; init; }

    public string? HandedOverBy { get; init; }

    /// <summary>completed, cancelled or returned; null while the step is still open.</summary>
    public string? Ending { get; init; }

    public string? Outcome { get; init; }

    /// <summary>Early / on time / late, or while open within deadline / due soon / overdue; null for steps without a budget.</summary>
    public TimingClass? Timing { get; init; }
}

/// <summary>
/// Form 05 (process control sheet, Circular 01/2018/TT-VPCP), read from a dossier's history: every person's
/// step with when it was received and handed over, by whom, and early / on time / late against its budget.
/// </summary>
public static class ProcessControlSheet
{
    public static IReadOnlyList<ControlSheetRow> Build(IEnumerable<RecordedEvent> history, ExecutableProcedure? procedure, IWorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(history);
        var rows = new List<ControlSheetRow>();
        var open = new Dictionary<int, int>();
        foreach (var recorded in history)
        {
            switch (recorded.Event)
            {
                case StepStarted started when started.Kind.IsHumanTask():
                    open[started.StepInstance] = rows.Count;
                    rows.Add(new ControlSheetRow(
                        started.StepInstance, started.Step.Value, NameOf(procedure, started.Step), started.Role, started.Unit?.Value, recorded.At, started.DueAt));
                    break;
                case StepCompleted completed when open.Remove(completed.StepInstance, out var index):
                    rows[index] = rows[index] with { HandedOverAt = recorded.At, HandedOverBy = recorded.Actor.Value, Ending = "completed", Outcome = completed.Outcome };
                    break;
                case StepCancelled cancelled when open.Remove(cancelled.StepInstance, out var index):
                    rows[index] = rows[index] with { HandedOverAt = recorded.At, HandedOverBy = recorded.Actor.Value, Ending = "cancelled" };
                    break;
                case TaskReturned returned when open.Remove(returned.StepInstance, out var index):
                    rows[index] = rows[index] with { HandedOverAt = recorded.At, HandedOverBy = recorded.Actor.Value, Ending = "returned" };
                    break;
                default:
                    break;
            }
        }

        var policy = procedure?.Definition.Sla ?? SlaPolicy.Default;
        return [.. rows.Select(r => r with
        {
            Timing = r.DueAt is { } due ? TimingClassifier.ClassifyStep(calendar, policy, due, r.HandedOverAt, now) : null,
        })];
    }

    private static string NameOf(ExecutableProcedure? procedure, StepId step) =>
        procedure is not null && procedure.TryStep(step, out var definition) ? definition.Name : step.Value;
}
