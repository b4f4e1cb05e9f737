using Workflows.Engine.Application;
using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Serialization;

namespace Workflows.Api.Features.Calendars;

/// <summary>One dated entry; <see cref="Own"/> tells the unit's own entries from inherited ones.</summary>
public sealed record CalendarEntryDto(DateOnly Date, string Kind, string Name, bool Own);

/// <summary>A unit's effective calendar for one year.</summary>
public sealed record CalendarYearDto(string Unit, int Year, string? InheritsFrom, List<string> OfficeHours, bool OwnOfficeHours, List<CalendarEntryDto> Entries);

public sealed record CalendarEntryRequest(DateOnly Date, string Kind, string Name);

/// <summary>The year as the unit should have it: every dated entry, and optionally the unit's own office hours ("07:30-11:30").</summary>
public sealed record CalendarYearRequest(List<CalendarEntryRequest>? Entries, List<string>? OfficeHours);

public sealed record DueChangeDto(int StepInstance, DateTimeOffset From, DateTimeOffset To);

public sealed record AffectedDossierDto(string Dossier, List<DueChangeDto> Changes)
{
    public static AffectedDossierDto From(AffectedDossier a) =>
        new(a.Dossier.ToString(), [.. a.Changes.Select(c => new DueChangeDto(c.StepInstance, c.From, c.To))]);
}

public sealed record CalendarEditDto(CalendarYearDto Calendar, List<AffectedDossierDto> Affected);

public sealed record CalendarProblemDto(string Path, string Message)
{
    public static CalendarProblemDto From(CalendarProblem p) => new(p.Path, p.Message);
}

internal static class CalendarFormat
{
    public static string Hours(OfficeInterval i) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{i.Opens:HH:mm}-{i.Closes:HH:mm}");

    public static string Kind(CalendarEntryKind kind) => KebabCase.Name(kind);
}
