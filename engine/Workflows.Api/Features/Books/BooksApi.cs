using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence;
using Workflows.Engine.Printing;
using Workflows.Engine.Reports;
using Form05 = Workflows.Engine.Printing.Forms;
using Workflows.Engine.Sla;
using Workflows.Engine.Serialization;

namespace Workflows.Api.Features.Books;

/// <summary>The paper records of Circular 01/2018, kept electronically: form 05 per dossier, form 06 per unit.</summary>
public static class BooksApi
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapBooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Records").RequireAuthorization();

        api.MapGet("/dossiers/{dossierId}/control-sheet", ControlSheet);
        api.MapGet("/dossiers/{dossierId}/control-sheet/pdf", ControlSheetPdf);
        api.MapGet("/units/{unitId}/tracking-book", TrackingBook);
        return app;
    }

    /// <summary>Form 05: per person's step, received at, handed over at and by whom, early / on time / late.</summary>
    public static async Task<Results<Ok<ControlSheetDto>, ProblemHttpResult>> ControlSheet(
        string dossierId, IDossierStore dossiers, ExecutableProcedureCache procedures, IWorkingCalendarSource calendars, TimeProvider clock, CancellationToken ct)
    {
        if (await SheetAsync(dossierId, dossiers, procedures, calendars, clock, ct) is not { } loaded)
        {
            return DossierNotFound(dossierId);
        }

        var (state, procedure, calendar, rows, now) = loaded;

        return TypedResults.Ok(new ControlSheetDto(
            dossierId,
            state.Data.TryGetValue("receiptNumber", out var receipt) && receipt.ValueKind == JsonValueKind.String ? receipt.GetString() : null,
            state.ReceivedAt,
            state.DueAt,
            state.CompletedAt,
            DossierTiming(calendar, procedure?.Definition.Sla, state, now),
            [.. rows.Select(r => new ControlSheetRowDto(r.StepInstance, r.Step, r.StepName, r.Role, r.Unit, r.ReceivedAt, r.DueAt, r.HandedOverAt, r.HandedOverBy, r.Ending, r.Outcome, r.Timing is { } t ? KebabCase.Name(t) : null))]));
    }

    /// <summary>
    /// Form 05 as the PDF the desk prints or files: the same rows as <see cref="ControlSheet"/>, produced on demand
    /// because the sheet keeps growing while the dossier moves (forms 01–04 are fixed at their event and stored).
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ControlSheetPdf(
        string dossierId, IDossierStore dossiers, ExecutableProcedureCache procedures, IWorkingCalendarSource calendars, IDirectory directory, TimeProvider clock, CancellationToken ct)
    {
        if (await SheetAsync(dossierId, dossiers, procedures, calendars, clock, ct) is not { } loaded)
        {
            return DossierNotFound(dossierId);
        }

        var (state, procedure, _, rows, now) = loaded;

        var names = new Dictionary<UserId, string>();
        async Task<string> NameAsync(UserId user) =>
            names.TryGetValue(user, out var known) ? known : names[user] = (await directory.FindUserAsync(user, ct))?.Name ?? user.Value;

        var units = (await directory.ListUnitsAsync(ct)).ToDictionary(u => u.Id.Value, u => u.Name, StringComparer.Ordinal);
        var unitName = units.GetValueOrDefault(state.Unit.Value) ?? state.Unit.Value;
        string Role(string? role) => procedure?.Definition.Roles.FirstOrDefault(r => r.Id == role)?.Name ?? role ?? "";
        var applicant = state.SubmittedBy is { } submitter ? await NameAsync(submitter) : "";
        var handovers = new List<Form05.Handover>();
        var handedOverBy = applicant;
        foreach (var row in rows)
        {
            var completer = row.HandedOverBy is { } by && UserId.TryParse(by, out var user) ? await NameAsync(user) : null;
            handovers.Add(new Form05.Handover(row.StepName, handedOverBy, completer ?? $"{Role(row.Role)} ({(row.Unit is { } u ? units.GetValueOrDefault(u) ?? u : unitName)})", row.ReceivedAt, row.HandedOverAt, HandoverTimingOf(row.Timing))
            {
                Note = row.Ending switch { "returned" => "Trả lại bước trước", "cancelled" => "Đã hủy", _ => null },
            });
            handedOverBy = completer ?? handedOverBy;
        }

        var heading = new Form05.DossierHeading(unitName, unitName, Text(state, "receiptNumber") ?? "", procedure?.Definition.Name ?? "", applicant);
        var sheet = new Form05.ProcessControlSheet(heading, state.ReceivedAt ?? state.SubmittedAt, state.DueAt ?? now, [.. handovers]);
        var pdf = DocumentRenderer.Render(sheet.ToContent()).Pdf;
        return TypedResults.File(pdf, "application/pdf", $"mau-05-{Text(state, "receiptNumber") ?? dossierId}.pdf");
    }

    /// <summary>What both forms of form 05 are built from: the dossier, its procedure and calendar, and the rows so far.</summary>
    private static async Task<(InstanceState State, ExecutableProcedure? Procedure, IWorkingCalendar Calendar, IReadOnlyList<ControlSheetRow> Rows, DateTimeOffset Now)?> SheetAsync(
        string dossierId, IDossierStore dossiers, ExecutableProcedureCache procedures, IWorkingCalendarSource calendars, TimeProvider clock, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var id) || await dossiers.FindAsync(id, ct) is not { } state)
        {
            return null;
        }

        var now = clock.VietnamNow();
        var procedure = await procedures.FindAsync(state.Definition, ct);
        var calendar = calendars.For(state.Unit);
        return (state, procedure, calendar, ProcessControlSheet.Build(await dossiers.ReadHistoryAsync(id, ct), procedure, calendar, now), now);
    }

    private static ProblemHttpResult DossierNotFound(string dossierId) =>
        Problems.NotFound(RejectionCodes.DossierNotFound, $"There is no dossier '{dossierId}'.");

    private static Form05.HandoverTiming HandoverTimingOf(TimingClass? timing) => timing switch
    {
        TimingClass.Early => Form05.HandoverTiming.Early,
        TimingClass.OnTime => Form05.HandoverTiming.OnTime,
        TimingClass.Late or TimingClass.Overdue => Form05.HandoverTiming.Late,
        _ => Form05.HandoverTiming.InProgress,
    };

    /// <summary>Form 06: the unit's dossiers submitted from <paramref name="from"/> to <paramref name="to"/> (dates, inclusive).</summary>
    public static async Task<Results<Ok<List<TrackingBookRowDto>>, ProblemHttpResult>> TrackingBook(
        string unitId, string from, string to, int? skip, int? take, ITrackingBook book, IWorkingCalendarSource calendars, TimeProvider clock, CancellationToken ct)
    {
        if (!UnitId.TryParse(unitId, out var unit))
        {
            return Problems.BadRequest("invalid-unit", $"'{unitId}' is not a unit id.");
        }

        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var last)
            || last < first)
        {
            return Problems.BadRequest("invalid-period", "Give the period as from=yyyy-MM-dd&to=yyyy-MM-dd, with from not after to.");
        }

        var offset = WorkingCalendarDefinition.VietnamUtcOffset;
        var start = new DateTimeOffset(first.ToDateTime(TimeOnly.MinValue), offset);
        var end = new DateTimeOffset(last.AddDays(1).ToDateTime(TimeOnly.MinValue), offset);
        var now = clock.VietnamNow();
        var states = await book.ListAsync(unit, start, end, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 100, 1, MaxPageSize), ct);
        return TypedResults.Ok(states.Select(s => new TrackingBookRowDto(
            s.Dossier.ToString(),
            Text(s, "receiptNumber"),
            s.Definition.Procedure.Value,
            s.SubmittedAt,
            s.ReceivedAt,
            s.DueAt,
            s.CompletedAt,
            KebabCase.Name(s.Status),
            DossierTiming(calendars.For(s.Unit), null, s, now))).ToList());
    }

    /// <summary>The dossier against its appointment; null until receipt starts the clock.</summary>
    private static string? DossierTiming(IWorkingCalendar calendar, SlaPolicy? policy, InstanceState state, DateTimeOffset now) =>
        state.DueAt is { } due
            ? KebabCase.Name(TimingClassifier.ClassifyDossier(calendar, policy ?? SlaPolicy.Default, due, state.CompletedAt, now))
            : null;

    private static string? Text(InstanceState state, string field) =>
        state.Data.TryGetValue(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

public sealed record ControlSheetRowDto(
    int StepInstance, string Step, string StepName, string? Role, string? Unit, DateTimeOffset ReceivedAt, DateTimeOffset? DueAt,
    DateTimeOffset? HandedOverAt, string? HandedOverBy, string? Ending, string? Outcome, string? Timing);

public sealed record ControlSheetDto(
    string Dossier, string? ReceiptNumber, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? CompletedAt, string? Timing,
    IReadOnlyList<ControlSheetRowDto> Steps);

public sealed record TrackingBookRowDto(
    string Dossier, string? ReceiptNumber, string Procedure, DateTimeOffset SubmittedAt, DateTimeOffset? ReceivedAt,
    DateTimeOffset? DueAt, DateTimeOffset? CompletedAt, string Status, string? Timing);
