using Workflows.Engine.Identity;

namespace Workflows.Engine.Calendar;

/// <summary>
/// Every unit on the seeded Vietnamese default calendar (statutory holidays computed for a span of years
/// around now). Per-unit calendars edited by administrators replace this with a stored source.
/// </summary>
public sealed class DefaultCalendarSource : IWorkingCalendarSource
{
    private readonly WorkingCalendar calendar;

    public DefaultCalendarSource(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);

        // One year back covers dossiers received last year; five ahead covers the longest deadlines.
        var thisYear = clock.GetUtcNow().ToOffset(WorkingCalendarDefinition.VietnamUtcOffset).Year;
        calendar = new WorkingCalendar(VietnameseHolidaySeeder.DefaultDefinition(thisYear - 1, yearsAhead: 6));
    }

    public IWorkingCalendar For(UnitId unit) => calendar;
}
