using System.Collections.Immutable;
using Workflows.Engine.Calendar;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Application.Ports;

/// <summary>One unit's changes to one year of the calendar it inherits.</summary>
public sealed record StoredCalendarYear(UnitId Unit, int Year, ImmutableArray<CalendarEntry> Entries, ImmutableArray<DateOnly> RemovedDates)
{
    public DateTimeOffset UpdatedAt { get; init; }

    public UserId? UpdatedBy { get; init; }
}

/// <summary>Every stored calendar override, read at once: a province has a few hundred units at most.</summary>
public sealed record StoredCalendars(
    ImmutableArray<StoredCalendarYear> Years,
    ImmutableDictionary<UnitId, ImmutableArray<OfficeInterval>> OfficeHours)
{
    public static readonly StoredCalendars None = new([], ImmutableDictionary<UnitId, ImmutableArray<OfficeInterval>>.Empty);
}

/// <summary>An administrator's edit of one unit's year, saved whole.</summary>
/// <param name="OfficeHours">The unit's own office hours; null leaves them as they are.</param>
public sealed record CalendarYearEdit(StoredCalendarYear Year, ImmutableArray<OfficeInterval>? OfficeHours, UserId By, DateTimeOffset At);

/// <summary>Per-unit working calendars as data (issue 6), and the running dossiers an edit concerns.</summary>
public interface ICalendarStore
{
    Task<StoredCalendars> LoadAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the unit's overrides for that year (and its office hours when given) in one transaction.</summary>
    Task SaveYearAsync(CalendarYearEdit edit, CancellationToken cancellationToken);

    /// <summary>Running dossiers that belong to one of <paramref name="units"/> or have an open task there.</summary>
    Task<IReadOnlyList<DossierId>> ListRunningDossiersAsync(IReadOnlyCollection<UnitId> units, CancellationToken cancellationToken);
}
