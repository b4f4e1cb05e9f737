using System.Collections.Concurrent;
using System.Collections.Immutable;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Calendar;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Application;

/// <summary>
/// Per-unit working calendars from the database: the seeded Vietnamese default (the province default), then the
/// stored overrides of each unit from the root of the unit tree down to the unit. Until <see cref="ReloadAsync"/>
/// has run, or for a unit with no stored overrides anywhere above it, this is the seeded default.
/// <see cref="IWorkingCalendarSource.For"/> is synchronous (the core calls it), so everything is held in memory:
/// a province's calendars are a few hundred small rows.
/// </summary>
public sealed class StoredCalendarSource : IWorkingCalendarSource
{
    private const int MaxDepth = 32;

    private readonly ICalendarStore store;
    private readonly IDirectory directory;
    private readonly WorkingCalendarDefinition seeded;
    private volatile Snapshot snapshot;

    public StoredCalendarSource(ICalendarStore store, IDirectory directory, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        this.store = store;
        this.directory = directory;

        // One year back covers dossiers received last year; five ahead covers the longest deadlines.
        var thisYear = clock.GetUtcNow().ToOffset(WorkingCalendarDefinition.VietnamUtcOffset).Year;
        seeded = VietnameseHolidaySeeder.DefaultDefinition(thisYear - 1, yearsAhead: 6);
        snapshot = new Snapshot(StoredCalendars.None, ImmutableDictionary<UnitId, UnitId?>.Empty);
    }

    /// <summary>The seeded default every unit inherits from.</summary>
    public WorkingCalendarDefinition Seeded => seeded;

    public IWorkingCalendar For(UnitId unit) => snapshot.Calendars.GetOrAdd(unit, u => new WorkingCalendar(DefinitionFor(u)));

    /// <summary>Reads the stored calendars and the unit tree again (at start, and after every edit).</summary>
    public async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var stored = await store.LoadAsync(cancellationToken);
        var units = await directory.ListUnitsAsync(cancellationToken);
        snapshot = new Snapshot(stored, units.ToImmutableDictionary(u => u.Id, u => u.Parent));
    }

    public bool IsKnown(UnitId unit) => snapshot.Parents.ContainsKey(unit);

    /// <summary>The unit and every unit below it in the tree: whose calendars an edit of this unit changes.</summary>
    public IReadOnlyList<UnitId> WithDescendants(UnitId unit)
    {
        var parents = snapshot.Parents;
        return [.. parents.Keys.Where(u => Ancestry(u, parents).Contains(unit)).Order()];
    }

    /// <summary>The unit's effective calendar definition (seeded default with every override from the root down).</summary>
    public WorkingCalendarDefinition DefinitionFor(UnitId unit) => Build(unit, includeSelf: true);

    /// <summary>What the unit inherits: the same without its own overrides.</summary>
    public WorkingCalendarDefinition InheritedBy(UnitId unit) => Build(unit, includeSelf: false);

    /// <summary>The unit's own stored overrides for a year, if any.</summary>
    public StoredCalendarYear? OwnYear(UnitId unit, int year) => snapshot.Stored.Years.FirstOrDefault(y => y.Unit == unit && y.Year == year);

    public ImmutableArray<OfficeInterval>? OwnOfficeHours(UnitId unit) =>
        snapshot.Stored.OfficeHours.TryGetValue(unit, out var hours) ? hours : null;

    public UnitId? ParentOf(UnitId unit) => snapshot.Parents.GetValueOrDefault(unit);

    /// <summary>The unit's effective definition if its own overrides for <paramref name="year"/> were <paramref name="replacement"/>.</summary>
    public WorkingCalendarDefinition DefinitionWith(UnitId unit, StoredCalendarYear replacement, ImmutableArray<OfficeInterval>? officeHours)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var definition = InheritedBy(unit);
        var years = snapshot.Stored.Years.Where(y => y.Unit == unit && y.Year != replacement.Year).Append(replacement);
        return definition.WithOverrides(Overrides(years, officeHours ?? OwnOfficeHours(unit)));
    }

    private WorkingCalendarDefinition Build(UnitId unit, bool includeSelf)
    {
        var current = snapshot;
        var definition = seeded;
        foreach (var ancestor in Ancestry(unit, current.Parents).AsEnumerable().Reverse().Where(a => includeSelf || a != unit))
        {
            var years = current.Stored.Years.Where(y => y.Unit == ancestor).ToList();
            var hours = current.Stored.OfficeHours.TryGetValue(ancestor, out var h) ? h : (ImmutableArray<OfficeInterval>?)null;
            if (years.Count > 0 || hours is not null)
            {
                definition = definition.WithOverrides(Overrides(years, hours));
            }
        }

        return definition;
    }

    private static WorkingCalendarOverrides Overrides(IEnumerable<StoredCalendarYear> years, ImmutableArray<OfficeInterval>? hours)
    {
        var list = years.ToList();
        return new WorkingCalendarOverrides
        {
            OfficeHours = hours,
            Entries = [.. list.SelectMany(y => y.Entries)],
            RemovedDates = [.. list.SelectMany(y => y.RemovedDates)],
        };
    }

    /// <summary>The unit, its parent, and so on up to the root (bounded: bad data must not loop).</summary>
    private static List<UnitId> Ancestry(UnitId unit, ImmutableDictionary<UnitId, UnitId?> parents)
    {
        var chain = new List<UnitId> { unit };
        while (chain.Count < MaxDepth && parents.GetValueOrDefault(chain[^1]) is { } parent && !chain.Contains(parent))
        {
            chain.Add(parent);
        }

        return chain;
    }

    private sealed record Snapshot(StoredCalendars Stored, ImmutableDictionary<UnitId, UnitId?> Parents)
    {
        public ConcurrentDictionary<UnitId, WorkingCalendar> Calendars { get; } = new();
    }
}
