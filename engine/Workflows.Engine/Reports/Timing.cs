using Workflows.Engine.Calendar;

namespace Workflows.Engine.Reports;

/// <summary>How a finished step or dossier compares with its due instant (DOMAIN.md "Timing classes").</summary>
public enum Timing
{
    /// <summary>Finished on a day before the due day.</summary>
    Early,

    /// <summary>Finished on the due day, by the due instant.</summary>
    OnTime,

    Late,

    /// <summary>Not finished, due instant not passed.</summary>
    InProgress,

    /// <summary>Not finished, due instant passed.</summary>
    Overdue,

    /// <summary>No due instant (no budget, or the clock has not started).</summary>
    Undated,
}

public static class TimingRules
{
    /// <summary>The timing class of work due at <paramref name="due"/>, finished at <paramref name="finished"/> (or not yet, at <paramref name="now"/>).</summary>
    public static Timing Classify(DateTimeOffset? due, DateTimeOffset? finished, DateTimeOffset now)
    {
        if (due is not { } d)
        {
            return Timing.Undated;
        }

        if (finished is not { } f)
        {
            return now > d ? Timing.Overdue : Timing.InProgress;
        }

        if (f > d)
        {
            return Timing.Late;
        }

        // "Early" is about days: finishing at 16:00 for a 17:00 appointment the same day is on time.
        var offset = WorkingCalendarDefinition.VietnamUtcOffset;
        return DateOnly.FromDateTime(f.ToOffset(offset).DateTime) < DateOnly.FromDateTime(d.ToOffset(offset).DateTime)
            ? Timing.Early
            : Timing.OnTime;
    }
}
