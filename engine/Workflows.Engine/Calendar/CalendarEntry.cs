namespace Workflows.Engine.Calendar;

/// <summary>One dated exception to the weekly pattern, with the name an official reads in the holiday list.</summary>
public sealed record CalendarEntry(DateOnly Date, CalendarEntryKind Kind, string Name)
{
    public bool IsDayOff => Kind != CalendarEntryKind.MakeUpWorkingDay;

    public static CalendarEntry PublicHoliday(DateOnly date, string name) => new(date, CalendarEntryKind.PublicHoliday, name);

    public static CalendarEntry CompensatoryDayOff(DateOnly date, string name) => new(date, CalendarEntryKind.CompensatoryDayOff, name);

    public static CalendarEntry SwappedDayOff(DateOnly date, string name) => new(date, CalendarEntryKind.SwappedDayOff, name);

    public static CalendarEntry MakeUpWorkingDay(DateOnly date, string name) => new(date, CalendarEntryKind.MakeUpWorkingDay, name);

    public static CalendarEntry Closure(DateOnly date, string name) => new(date, CalendarEntryKind.Closure, name);
}
