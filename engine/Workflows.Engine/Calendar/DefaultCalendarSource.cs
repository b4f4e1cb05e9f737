using Workflows.Engine.Identity;

namespace Workflows.Engine.Calendar;

/// <summary>
/// Every unit on the seeded Vietnamese default calendar (statutory holidays computed for a span of years
/// around <c>year</c>). Per-unit calendars edited by administrators replace this with a stored source. The year is
/// an input, not read from a clock: the core never reads the time itself.
/// </summary>
public sealed class DefaultCalendarSource : IWorkingCalendarSource
{
    private readonly WorkingCalendar calendar;

    /// <param name="year">The year the work happens in (Vietnam time); usually the year of the first instant used.</param>
    public DefaultCalendarSource(int year)
    {
        // One year back covers dossiers received last year; five ahead covers the longest deadlines.
        calendar = new WorkingCalendar(VietnameseHolidaySeeder.DefaultDefinition(year - 1, yearsAhead: 6));
    }

    /// <summary>The default calendar around the year of <paramref name="instant"/> in Vietnam.</summary>
    public static DefaultCalendarSource Around(DateTimeOffset instant) =>
        new(instant.ToOffset(WorkingCalendarDefinition.VietnamUtcOffset).Year);

    public IWorkingCalendar For(UnitId unit) => calendar;
}
