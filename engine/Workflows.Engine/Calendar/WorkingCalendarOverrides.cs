using System.Collections.Immutable;

namespace Workflows.Engine.Calendar;

/// <summary>
/// What a unit changes in the calendar it inherits (see <see cref="WorkingCalendarDefinition.WithOverrides"/>).
/// Null means "as inherited".
/// </summary>
public sealed record WorkingCalendarOverrides
{
    public ImmutableArray<OfficeInterval>? OfficeHours { get; init; }

    public ImmutableDictionary<DayOfWeek, ImmutableArray<OfficeInterval>> OfficeHoursByWeekday { get; init; } =
        ImmutableDictionary<DayOfWeek, ImmutableArray<OfficeInterval>>.Empty;

    public ImmutableArray<DayOfWeek>? RestDays { get; init; }

    public TimeSpan? UtcOffset { get; init; }

    /// <summary>The unit's own entries; each replaces whatever the base has on the same date.</summary>
    public ImmutableArray<CalendarEntry> Entries { get; init; } = [];

    /// <summary>Dates whose inherited entries do not apply to this unit.</summary>
    public ImmutableArray<DateOnly> RemovedDates { get; init; } = [];
}
