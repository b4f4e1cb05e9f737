namespace Workflows.Engine.Calendar;

/// <summary>
/// Working-time arithmetic on one unit's legal calendar. Pure: the same inputs always give the same instant.
/// Instants come back in the calendar's local offset (UTC+07:00 in Vietnam).
/// </summary>
public interface IWorkingCalendar
{
    /// <summary>The instant <paramref name="duration"/> of working time after <paramref name="start"/>.</summary>
    DateTimeOffset Add(DateTimeOffset start, WorkingDuration duration);

    /// <summary>Working time between two instants (zero when <paramref name="end"/> is not after <paramref name="start"/>).</summary>
    TimeSpan WorkingTimeBetween(DateTimeOffset start, DateTimeOffset end);

    /// <summary>Working time after <paramref name="start"/> by an exact amount of working time.</summary>
    DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime);

    /// <summary>Hours in one full working day (8 by default).</summary>
    decimal HoursPerWorkingDay { get; }
}
