using System.Collections.Immutable;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Calendar;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfCalendarStore(IDbContextFactory<WorkflowsDbContext> contexts) : ICalendarStore
{
    public async Task<StoredCalendars> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var years = await db.CalendarYears.AsNoTracking().OrderBy(y => y.UnitId).ThenBy(y => y.Year).ToListAsync(cancellationToken);
        var units = await db.CalendarUnits.AsNoTracking().ToListAsync(cancellationToken);
        return new StoredCalendars(
            [.. years.Select(ToRecord)],
            units.ToImmutableDictionary(u => new UnitId(u.UnitId), u => ParseHours(u.OfficeHours)));
    }

    public async Task SaveYearAsync(CalendarYearEdit edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var year = edit.Year;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.CalendarYears.FindAsync([year.Unit.Value, year.Year], cancellationToken);
        if (row is null)
        {
            row = new CalendarYearRow { UnitId = year.Unit.Value, Year = year.Year, Entries = "[]", RemovedDates = "[]", UpdatedBy = edit.By.Value };
            db.CalendarYears.Add(row);
        }

        row.Entries = StoredJson.Write(year.Entries.Select(e => new EntryJson(e.Date, e.Kind, e.Name)).ToArray());
        row.RemovedDates = StoredJson.Write(year.RemovedDates.ToArray());
        row.UpdatedAt = edit.At;
        row.UpdatedBy = edit.By.Value;

        if (edit.OfficeHours is { } hours)
        {
            var unit = await db.CalendarUnits.FindAsync([year.Unit.Value], cancellationToken);
            if (unit is null)
            {
                unit = new CalendarUnitRow { UnitId = year.Unit.Value, OfficeHours = "[]", UpdatedBy = edit.By.Value };
                db.CalendarUnits.Add(unit);
            }

            unit.OfficeHours = StoredJson.Write(hours.Select(h => Format(h)).ToArray());
            unit.UpdatedAt = edit.At;
            unit.UpdatedBy = edit.By.Value;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DossierId>> ListRunningDossiersAsync(IReadOnlyCollection<UnitId> units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        var ids = units.Select(u => u.Value).ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var own = await db.Dossiers.AsNoTracking()
            .Where(d => d.CompletedAt == null && ids.Contains(d.UnitId))
            .Select(d => d.Id)
            .ToListAsync(cancellationToken);
        var withTasks = await db.Tasks.AsNoTracking()
            .Where(t => t.State == TaskState.Open && ids.Contains(t.UnitId))
            .Select(t => t.DossierId)
            .Distinct()
            .ToListAsync(cancellationToken);
        return [.. own.Union(withTasks).Order().Select(id => new DossierId(id))];
    }

    private static StoredCalendarYear ToRecord(CalendarYearRow row) =>
        new(
            new UnitId(row.UnitId),
            row.Year,
            [.. StoredJson.Parse<EntryJson[]>(row.Entries).Select(e => new CalendarEntry(e.Date, e.Kind, e.Name))],
            [.. StoredJson.Parse<DateOnly[]>(row.RemovedDates)])
        {
            UpdatedAt = row.UpdatedAt,
            UpdatedBy = new UserId(row.UpdatedBy),
        };

    private static ImmutableArray<OfficeInterval> ParseHours(string json) =>
        [.. StoredJson.Parse<string[]>(json).Select(OfficeInterval.Parse)];

    // OfficeInterval.ToString writes an en dash; stored text uses the plain hyphen people type.
    private static string Format(OfficeInterval interval) =>
        string.Create(CultureInfo.InvariantCulture, $"{interval.Opens:HH\\:mm}-{interval.Closes:HH\\:mm}");

    private sealed record EntryJson(DateOnly Date, CalendarEntryKind Kind, string Name);
}
