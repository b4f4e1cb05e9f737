using Workflows.Engine.Calendar;

namespace Workflows.Engine.Sla;

/// <summary>The timing class of a step or a dossier: pure, from its due instant, when it finished (if it did) and now.</summary>
public static class TimingClassifier
{
    /// <param name="dueSoon">Working time before <paramref name="due"/> from which an unfinished item is due soon.</param>
    public static TimingClass Classify(IWorkingCalendar calendar, DateTimeOffset due, DateTimeOffset? finishedAt, DateTimeOffset now, WorkingDuration dueSoon)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (finishedAt is { } finished)
        {
            // Early and on time are told apart by the legal date in the due instant's offset (Vietnam's):
            // finishing at 16:00 on the due date is on time, the day before is early.
            if (finished > due)
            {
                return TimingClass.Late;
            }

            return DateOnly.FromDateTime(finished.ToOffset(due.Offset).DateTime) < DateOnly.FromDateTime(due.DateTime)
                ? TimingClass.Early
                : TimingClass.OnTime;
        }

        if (now > due)
        {
            return TimingClass.Overdue;
        }

        var threshold = TimeSpan.FromTicks((long)decimal.Round(dueSoon.ToWorkingHours(calendar.HoursPerWorkingDay) * TimeSpan.TicksPerHour));
        return calendar.WorkingTimeBetween(now, due) <= threshold ? TimingClass.DueSoon : TimingClass.WithinDeadline;
    }

    public static TimingClass ClassifyStep(IWorkingCalendar calendar, SlaPolicy policy, DateTimeOffset due, DateTimeOffset? finishedAt, DateTimeOffset now) =>
        Classify(calendar, due, finishedAt, now, (policy ?? SlaPolicy.Default).StepDueSoon);

    public static TimingClass ClassifyDossier(IWorkingCalendar calendar, SlaPolicy policy, DateTimeOffset appointment, DateTimeOffset? finishedAt, DateTimeOffset now) =>
        Classify(calendar, appointment, finishedAt, now, (policy ?? SlaPolicy.Default).DossierDueSoon);
}
