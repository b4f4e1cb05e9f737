using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application;
using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;

namespace Workflows.Api.Features.Calendars;

/// <summary>Working calendars per unit: read a unit's year, and edit it (recomputing the running dossiers it governs).</summary>
public static class CalendarsApi
{
    /// <summary>Roles that may edit the calendar of their unit and every unit below it.</summary>
    public static readonly ImmutableArray<string> EditorRoles = ["leader", "analyst", "admin"];

    public static IEndpointRouteBuilder MapCalendarsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendars").WithTags("Calendars").RequireAuthorization();

        api.MapGet("/{unit}/{year:int}", Get);
        api.MapPut("/{unit}/{year:int}", Edit);
        return app;
    }

    public static async Task<Results<Ok<CalendarYearDto>, ProblemHttpResult>> Get(string unit, int year, StoredCalendarSource calendars, CancellationToken ct)
    {
        if (Check(unit, year) is { } problem)
        {
            return problem;
        }

        await calendars.ReloadAsync(ct);
        var id = new UnitId(unit);
        return calendars.IsKnown(id)
            ? TypedResults.Ok(View(calendars, id, year))
            : Problems.NotFound(CalendarAdministration.UnknownUnit, $"There is no unit '{unit}'.");
    }

    public static async Task<Results<Ok<CalendarEditDto>, ProblemHttpResult>> Edit(
        string unit, int year, CalendarYearRequest request, HttpContext http, StoredCalendarSource calendars, CalendarAdministration administration, TimeProvider clock, CancellationToken ct)
    {
        if (Check(unit, year) is { } invalid)
        {
            return invalid;
        }

        var id = new UnitId(unit);
        await calendars.ReloadAsync(ct);
        if (!calendars.IsKnown(id))
        {
            return Problems.NotFound(CalendarAdministration.UnknownUnit, $"There is no unit '{unit}'.");
        }

        var actor = http.User.ToActor();
        if (!MayEdit(actor, id, calendars))
        {
            return TypedResults.Problem(Problems.Create(403, "not-authorized", $"Editing the calendar of '{unit}' takes one of the roles [{string.Join(", ", EditorRoles)}] in that unit or a unit above it."));
        }

        var (entries, hours, problems) = Read(request);
        if (problems.Count > 0)
        {
            return Rejected(new CalendarEditRejected(CalendarAdministration.InvalidCalendar, $"The {year} calendar of '{unit}' has {problems.Count} problem(s); nothing was saved.", [.. problems]));
        }

        var outcome = await administration.EditYearAsync(id, year, entries, hours, actor.User, clock.VietnamNow(), ct);
        return outcome switch
        {
            CalendarEdited edited => TypedResults.Ok(new CalendarEditDto(View(calendars, id, year), [.. edited.Affected.Select(AffectedDossierDto.From)])),
            CalendarEditRejected refused => Rejected(refused),
            _ => throw new InvalidOperationException("Unknown calendar edit outcome."),
        };
    }

    private static ProblemHttpResult? Check(string unit, int year) =>
        !UnitId.TryParse(unit, out _) ? Problems.NotFound(CalendarAdministration.UnknownUnit, $"'{unit}' is not a unit id.")
        : year is < 2000 or > 2100 ? Problems.BadRequest("invalid-year", $"{year} is not a calendar year this system keeps (2000–2100).")
        : null;

    private static bool MayEdit(Actor actor, UnitId unit, StoredCalendarSource calendars)
    {
        if (!EditorRoles.Any(actor.HasRole))
        {
            return false;
        }

        for (UnitId? current = unit; current is { } u; current = calendars.ParentOf(u))
        {
            if (u == actor.Unit)
            {
                return true;
            }
        }

        return false;
    }

    private static (List<CalendarEntry> Entries, ImmutableArray<OfficeInterval>? Hours, List<CalendarProblem> Problems) Read(CalendarYearRequest request)
    {
        var problems = new List<CalendarProblem>();
        var entries = new List<CalendarEntry>();
        var list = request.Entries ?? [];
        for (var i = 0; i < list.Count; i++)
        {
            if (!KebabCase.TryParse<CalendarEntryKind>(list[i].Kind, out var kind))
            {
                problems.Add(new($"entries[{i}].kind", $"Unknown kind \"{list[i].Kind}\"; use one of: {string.Join(", ", Enum.GetValues<CalendarEntryKind>().Select(CalendarFormat.Kind))}."));
                continue;
            }

            entries.Add(new CalendarEntry(list[i].Date, kind, list[i].Name ?? ""));
        }

        ImmutableArray<OfficeInterval>? hours = null;
        if (request.OfficeHours is { } texts)
        {
            var parsed = ImmutableArray.CreateBuilder<OfficeInterval>();
            for (var i = 0; i < texts.Count; i++)
            {
                try
                {
                    parsed.Add(OfficeInterval.Parse(texts[i]));
                }
                catch (FormatException e)
                {
                    problems.Add(new($"officeHours[{i}]", e.Message));
                }
            }

            hours = parsed.ToImmutable();
        }

        return (entries, hours, problems);
    }

    private static ProblemHttpResult Rejected(CalendarEditRejected refused)
    {
        var status = refused.Code == CalendarAdministration.UnknownUnit ? 404 : 422;
        var problem = Problems.Create(status, refused.Code, refused.Message);
        if (!refused.Problems.IsDefaultOrEmpty)
        {
            problem.Extensions["problems"] = refused.Problems.Select(CalendarProblemDto.From).ToList();
        }

        return TypedResults.Problem(problem);
    }

    private static CalendarYearDto View(StoredCalendarSource calendars, UnitId unit, int year)
    {
        var definition = calendars.DefinitionFor(unit);
        var own = calendars.OwnYear(unit, year)?.Entries.ToHashSet() ?? [];
        return new CalendarYearDto(
            unit.Value,
            year,
            calendars.ParentOf(unit)?.Value,
            [.. definition.OfficeHours.Select(CalendarFormat.Hours)],
            calendars.OwnOfficeHours(unit) is not null,
            [.. definition.Entries.Where(e => e.Date.Year == year).OrderBy(e => e.Date).Select(e => new CalendarEntryDto(e.Date, CalendarFormat.Kind(e.Kind), e.Name, own.Contains(e)))]);
    }
}
