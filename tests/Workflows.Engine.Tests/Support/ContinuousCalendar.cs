using Workflows.Engine.Calendar;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Tests.Support;

/// <summary>
/// A calendar where every hour is a working hour (8 h a day), so execution tests see due instants
/// they can check by eye without the legal calendar's rules getting in the way.
/// </summary>
internal sealed class ContinuousCalendar : IWorkingCalendar, IWorkingCalendarSource
{
    public static readonly ContinuousCalendar Instance = new();

    public decimal HoursPerWorkingDay => 8m;

    public DateTimeOffset Add(DateTimeOffset start, WorkingDuration duration) =>
        start.AddHours((double)duration.ToWorkingHours(HoursPerWorkingDay));

    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime) => start + workingTime;

    public TimeSpan WorkingTimeBetween(DateTimeOffset start, DateTimeOffset end) => end > start ? end - start : TimeSpan.Zero;

    public IWorkingCalendar For(UnitId unit) => this;
}
