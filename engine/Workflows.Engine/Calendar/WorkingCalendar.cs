namespace Workflows.Engine.Calendar;

/// <summary>
/// Working-time arithmetic over a <see cref="WorkingCalendarDefinition"/>. Immutable and thread-safe; build one per
/// unit calendar version and reuse it. The rules (each pinned by a test):
/// <list type="bullet">
/// <item>N working days are N × <see cref="HoursPerWorkingDay"/> working hours, so 3 days from Monday 10:00 is
/// Thursday 10:00 whatever holidays lie between (they are skipped).</item>
/// <item>Time outside office hours does not count: a receipt at 18:00 starts at the next opening.</item>
/// <item>A result that reaches its amount exactly at a closing stays there (8 h from Monday 07:30 is Monday 17:00).</item>
/// <item>Same day: received on a working day before the cut-off (local time), due at that day's closing; otherwise at
/// the closing of the next working day.</item>
/// <item>Results are in the calendar's offset, whatever the input's.</item>
/// </list>
/// </summary>
public sealed class WorkingCalendar : IWorkingCalendar
{
    private readonly WorkingTimeline _timeline;
    private readonly long _offsetTicks;

    /// <exception cref="ArgumentException">The definition has problems (see <see cref="WorkingCalendarValidator"/>); validate before building.</exception>
    public WorkingCalendar(WorkingCalendarDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = WorkingCalendarValidator.Validate(definition);
        if (problems.Count > 0)
        {
            throw new ArgumentException("The calendar definition is not valid: " + string.Join("; ", problems), nameof(definition));
        }

        Definition = definition;
        HoursPerWorkingDay = definition.HoursPerWorkingDay;
        _offsetTicks = definition.UtcOffset.Ticks;
        _timeline = new WorkingTimeline(definition);
    }

    public WorkingCalendarDefinition Definition { get; }

    public decimal HoursPerWorkingDay { get; }

    public TimeSpan UtcOffset => Definition.UtcOffset;

    /// <summary>Whether the office opens on <paramref name="date"/> (weekly pattern, holidays and make-up days applied).</summary>
    public bool IsWorkingDay(DateOnly date) => _timeline.IsOpen(date.DayNumber);

    public DateTimeOffset Add(DateTimeOffset start, WorkingDuration duration) =>
        duration.Unit == WorkingDurationUnit.SameDay
            ? SameDayDue(start, duration.Cutoff ?? WorkingDuration.DefaultSameDayCutoff)
            : AddTicks(start, HoursToTicks(duration.ToWorkingHours(HoursPerWorkingDay)));

    public DateTimeOffset AddWorkingTime(DateTimeOffset start, TimeSpan workingTime)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingTime, TimeSpan.Zero);
        return AddTicks(start, workingTime.Ticks);
    }

    public TimeSpan WorkingTimeBetween(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            return TimeSpan.Zero;
        }

        var (startDay, startTime) = ToLocal(start);
        var (endDay, endTime) = ToLocal(end);
        return TimeSpan.FromTicks(_timeline.WorkingTicksAt(endDay, endTime) - _timeline.WorkingTicksAt(startDay, startTime));
    }

    /// <summary>
    /// The due instant of a same-day procedure. A receipt after the day's closing counts as after the cut-off even
    /// when the cut-off is later than the closing.
    /// </summary>
    private DateTimeOffset SameDayDue(DateTimeOffset received, TimeOnly cutoff)
    {
        var (day, time) = ToLocal(received);
        var closing = _timeline.LastClosing(day);
        if (closing is { } sameDayClosing && time < cutoff.Ticks && time < sameDayClosing)
        {
            return ToInstant(day, sameDayClosing);
        }

        // Terminates: the timeline guarantees working time in every week outside the entries' span.
        do
        {
            day++;
        }
        while (_timeline.LastClosing(day) is null);
        return ToInstant(day, _timeline.LastClosing(day)!.Value);
    }

    private DateTimeOffset AddTicks(DateTimeOffset start, long ticks)
    {
        var (day, time) = ToLocal(start);
        if (ticks == 0 && _timeline.IsInOfficeHours(day, time))
        {
            return start.ToOffset(UtcOffset);
        }

        var target = _timeline.WorkingTicksAt(day, time) + ticks;
        var (dueDay, dueTime) = _timeline.Locate(target, preferOpening: ticks == 0);
        return ToInstant(dueDay, dueTime);
    }

    private (int Day, long TimeOfDay) ToLocal(DateTimeOffset instant)
    {
        var local = instant.UtcTicks + _offsetTicks;
        return ((int)(local / TimeSpan.TicksPerDay), local % TimeSpan.TicksPerDay);
    }

    private DateTimeOffset ToInstant(int day, long timeOfDay) =>
        new((day * TimeSpan.TicksPerDay) + timeOfDay, UtcOffset);

    private static long HoursToTicks(decimal hours) =>
        hours >= 0
            ? (long)decimal.Round(hours * TimeSpan.TicksPerHour)
            : throw new ArgumentOutOfRangeException(nameof(hours), hours, "A working duration cannot be negative.");
}
