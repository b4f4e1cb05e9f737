namespace Workflows.Engine.Calendar;

/// <summary>
/// A day of the Vietnamese lunisolar calendar. <see cref="Year"/> is the lunar year that starts at Tết, numbered like
/// the Gregorian year it mostly overlaps (lunar 1/1/2026 is 2026-02-17). A leap month repeats the number of the
/// month before it, so (month 6, leap) follows (month 6, not leap).
/// </summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth = false)
{
    public override string ToString() =>
        $"{Day:00}/{Month:00}{(IsLeapMonth ? " (leap)" : "")}/{Year:0000} (lunar)";
}
