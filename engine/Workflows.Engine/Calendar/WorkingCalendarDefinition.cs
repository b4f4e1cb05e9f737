using System.Collections.Immutable;

namespace Workflows.Engine.Calendar;

/// <summary>
/// A unit's working calendar as data: office hours, weekly rest days and dated entries (holidays, compensatory and
/// swapped days off, make-up working days, closures). Seeded by <see cref="VietnameseHolidaySeeder"/>, edited by an
/// administrator each year, evaluated by <see cref="WorkingCalendar"/>. A commune's calendar is usually its
/// province's with a few overrides: see <see cref="WithOverrides"/>.
/// </summary>
public sealed record WorkingCalendarDefinition
{
    /// <summary>07:30–11:30 and 13:00–17:00: 8 hours, one working day.</summary>
    public static readonly ImmutableArray<OfficeInterval> DefaultOfficeHours =
    [
        new(new TimeOnly(7, 30), new TimeOnly(11, 30)),
        new(new TimeOnly(13, 0), new TimeOnly(17, 0)),
    ];

    public static readonly ImmutableArray<DayOfWeek> DefaultRestDays = [DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Vietnam has one time zone and no daylight saving time.</summary>
    public static readonly TimeSpan VietnamUtcOffset = TimeSpan.FromHours(7);

    /// <summary>Office hours of a working day whose weekday has no entry in <see cref="OfficeHoursByWeekday"/>; their total is one working day.</summary>
    public ImmutableArray<OfficeInterval> OfficeHours { get; init; } = DefaultOfficeHours;

    /// <summary>Weekdays with other hours than <see cref="OfficeHours"/> (e.g. a short Friday, or a Saturday used for make-up days).</summary>
    public ImmutableDictionary<DayOfWeek, ImmutableArray<OfficeInterval>> OfficeHoursByWeekday { get; init; } =
        ImmutableDictionary<DayOfWeek, ImmutableArray<OfficeInterval>>.Empty;

    public ImmutableArray<DayOfWeek> RestDays { get; init; } = DefaultRestDays;

    public ImmutableArray<CalendarEntry> Entries { get; init; } = [];

    /// <summary>The offset in which office hours are read and results are given.</summary>
    public TimeSpan UtcOffset { get; init; } = VietnamUtcOffset;

    /// <summary>The length of one working day in hours: the total of <see cref="OfficeHours"/>.</summary>
    public decimal HoursPerWorkingDay =>
        (decimal)OfficeHours.Sum(i => i.Length.Ticks) / TimeSpan.TicksPerHour;

    public ImmutableArray<OfficeInterval> OfficeHoursOn(DayOfWeek day) =>
        OfficeHoursByWeekday.TryGetValue(day, out var hours) ? hours : OfficeHours;

    /// <summary>This definition with more dated entries appended (e.g. seeded years).</summary>
    public WorkingCalendarDefinition WithEntries(IEnumerable<CalendarEntry> entries) =>
        this with { Entries = [.. Entries.IsDefault ? [] : Entries, .. entries] };

    /// <summary>
    /// A unit's calendar from this base (typically the province default): whatever the overrides set replaces the
    /// base's value; per-weekday hours replace only the weekdays they name; an override entry replaces every base
    /// entry on its date, and <see cref="WorkingCalendarOverrides.RemovedDates"/> drops base entries outright.
    /// </summary>
    public WorkingCalendarDefinition WithOverrides(WorkingCalendarOverrides overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var replacedDates = overrides.Entries.Select(e => e.Date).Concat(overrides.RemovedDates).ToHashSet();
        return this with
        {
            OfficeHours = overrides.OfficeHours ?? OfficeHours,
            OfficeHoursByWeekday = OfficeHoursByWeekday.SetItems(overrides.OfficeHoursByWeekday),
            RestDays = overrides.RestDays ?? RestDays,
            UtcOffset = overrides.UtcOffset ?? UtcOffset,
            Entries = [.. (Entries.IsDefault ? [] : Entries).Where(e => !replacedDates.Contains(e.Date)).Concat(overrides.Entries).OrderBy(e => e.Date)],
        };
    }
}
