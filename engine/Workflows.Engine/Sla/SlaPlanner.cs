using System.Collections.Immutable;
using Workflows.Engine.Calendar;
using Workflows.Engine.Execution.Effects;

namespace Workflows.Engine.Sla;

/// <summary>
/// Computes SLA timer instants on a unit's working calendar. Rules (each pinned by a test):
/// <list type="bullet">
/// <item>An offset is working time relative to the due instant; "0h" is the due instant itself.</item>
/// <item>A negative offset is counted back from the due instant within the working time since the clock started;
/// an instant at or before that start is not scheduled (the item was already that close when it began, so the
/// warning would only be noise at opening).</item>
/// </list>
/// </summary>
public static class SlaPlanner
{
    /// <summary>The instant <paramref name="offset"/> from <paramref name="due"/>; null when it falls at or before <paramref name="clockStart"/>.</summary>
    public static DateTimeOffset? At(IWorkingCalendar calendar, DateTimeOffset clockStart, DateTimeOffset due, WorkingOffset offset)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (offset.IsZero)
        {
            return due;
        }

        var magnitude = Ticks(offset.Magnitude, calendar);
        if (!offset.IsBefore)
        {
            return calendar.AddWorkingTime(due, TimeSpan.FromTicks(magnitude));
        }

        var available = calendar.WorkingTimeBetween(clockStart, due).Ticks;
        return magnitude >= available ? null : calendar.AddWorkingTime(clockStart, TimeSpan.FromTicks(available - magnitude));
    }

    /// <summary>Due-soon, overdue and every escalation rung for a step due at <paramref name="due"/>, opened (or re-planned) at <paramref name="from"/>.</summary>
    public static ImmutableList<SlaTimer> ForStep(SlaPolicy policy, IWorkingCalendar calendar, int stepInstance, DateTimeOffset from, DateTimeOffset due)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var timers = ImmutableList.CreateBuilder<SlaTimer>();
        if (At(calendar, from, due, new WorkingOffset(true, policy.StepDueSoon)) is { } soon)
        {
            timers.Add(new SlaTimer(stepInstance, TimerPurpose.DueSoon, 0, soon));
        }

        timers.Add(new SlaTimer(stepInstance, TimerPurpose.Overdue, 0, due));
        for (var rung = 0; rung < policy.Escalation.Length; rung++)
        {
            if (At(calendar, from, due, policy.Escalation[rung].After) is { } at)
            {
                timers.Add(new SlaTimer(stepInstance, TimerPurpose.Escalation, rung, at));
            }
        }

        return timers.ToImmutable();
    }

    /// <summary>Due-soon and overdue for the dossier's appointment, planned when its clock (re)starts at <paramref name="from"/>.</summary>
    public static ImmutableList<SlaTimer> ForDossier(SlaPolicy policy, IWorkingCalendar calendar, DateTimeOffset from, DateTimeOffset appointment)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var soon = At(calendar, from, appointment, new WorkingOffset(true, policy.DossierDueSoon));
        return soon is { } s
            ? [new SlaTimer(SlaTimer.DossierInstance, TimerPurpose.DueSoon, 0, s), new SlaTimer(SlaTimer.DossierInstance, TimerPurpose.Overdue, 0, appointment)]
            : [new SlaTimer(SlaTimer.DossierInstance, TimerPurpose.Overdue, 0, appointment)];
    }

    internal static long Ticks(WorkingDuration duration, IWorkingCalendar calendar) =>
        (long)decimal.Round(duration.ToWorkingHours(calendar.HoursPerWorkingDay) * TimeSpan.TicksPerHour);
}
