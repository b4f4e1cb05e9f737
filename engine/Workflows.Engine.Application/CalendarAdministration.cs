using System.Collections.Immutable;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Calendar;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Application;

/// <summary>A running dossier whose due instants an edit moved.</summary>
public sealed record AffectedDossier(DossierId Dossier, ImmutableArray<DueChange> Changes);

public abstract record CalendarEditOutcome;

public sealed record CalendarEdited(StoredCalendarYear Year, ImmutableArray<AffectedDossier> Affected) : CalendarEditOutcome;

/// <summary>Nothing was saved: the unit is unknown, or the edit has located problems.</summary>
public sealed record CalendarEditRejected(string Code, string Message, ImmutableArray<CalendarProblem> Problems) : CalendarEditOutcome;

/// <summary>
/// An administrator edits one unit's year: validate, save the difference from what the unit inherits, then
/// recompute the due instants of every running dossier the unit's (or a descendant's) calendar governs.
/// </summary>
public sealed class CalendarAdministration(ICalendarStore store, StoredCalendarSource calendars, WorkflowRuntime runtime)
{
    public const string UnknownUnit = "unknown-unit";
    public const string InvalidCalendar = "invalid-calendar";

    private static readonly UnitId SystemUnit = new("system");

    /// <param name="entries">The complete list of the year's dated entries as the unit should have them.</param>
    /// <param name="officeHours">The unit's own office hours; null keeps them as they are.</param>
    public async Task<CalendarEditOutcome> EditYearAsync(UnitId unit, int year, IReadOnlyList<CalendarEntry> entries, ImmutableArray<OfficeInterval>? officeHours, UserId by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await calendars.ReloadAsync(cancellationToken);
        if (!calendars.IsKnown(unit))
        {
            return new CalendarEditRejected(UnknownUnit, $"There is no unit '{unit}'; calendars belong to units of the directory.", []);
        }

        var problems = new List<CalendarProblem>(WorkingCalendarValidator.ValidateYear(year, entries));
        if (officeHours is { } hours)
        {
            problems.AddRange(WorkingCalendarValidator.Validate(new WorkingCalendarDefinition { OfficeHours = hours })
                .Where(p => p.Path.StartsWith("officeHours", StringComparison.Ordinal)));
        }

        if (problems.Count > 0)
        {
            return new CalendarEditRejected(InvalidCalendar, $"The {year} calendar of '{unit}' has {problems.Count} problem(s); nothing was saved.", [.. problems]);
        }

        // Store only what differs from what the unit inherits, so later edits above it still reach it.
        var inherited = calendars.InheritedBy(unit).Entries.Where(e => e.Date.Year == year).ToDictionary(e => e.Date);
        var own = entries.Where(e => !inherited.TryGetValue(e.Date, out var i) || i != e).OrderBy(e => e.Date).ToImmutableArray();
        var removed = inherited.Keys.Except(entries.Select(e => e.Date)).Order().ToImmutableArray();
        var stored = new StoredCalendarYear(unit, year, own, removed) { UpdatedAt = at, UpdatedBy = by };

        var whole = WorkingCalendarValidator.Validate(calendars.DefinitionWith(unit, stored, officeHours));
        if (whole.Count > 0)
        {
            return new CalendarEditRejected(InvalidCalendar, $"With this edit the calendar of '{unit}' would not work: {string.Join(" ", whole.Select(p => p.Message))} Nothing was saved.", [.. whole]);
        }

        await store.SaveYearAsync(new CalendarYearEdit(stored, officeHours, by, at), cancellationToken);
        await calendars.ReloadAsync(cancellationToken);
        return new CalendarEdited(stored, await RecomputeAsync(calendars.WithDescendants(unit), cancellationToken));
    }

    /// <summary>Sends every running dossier of these units a recompute; returns those whose due instants moved.</summary>
    public async Task<ImmutableArray<AffectedDossier>> RecomputeAsync(IReadOnlyCollection<UnitId> units, CancellationToken cancellationToken)
    {
        var affected = ImmutableArray.CreateBuilder<AffectedDossier>();
        foreach (var dossier in await store.ListRunningDossiersAsync(units, cancellationToken))
        {
            var outcome = await runtime.ExecuteAsync(dossier, new RecomputeDeadlines(Actor.System(SystemUnit)), cancellationToken);
            if (outcome is CommandAccepted done && done.Events.Select(e => e.Event).OfType<DeadlinesRecomputed>().FirstOrDefault() is { } moved)
            {
                affected.Add(new AffectedDossier(dossier, moved.Changes));
            }
        }

        return affected.ToImmutable();
    }
}
