using System.Collections.Immutable;
using System.Text.Json;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Printing;
using Workflows.Engine.Printing.Forms;

namespace Workflows.Api.Features.Forms;

/// <summary>The form codes of Circular 01/2018/TT-VPCP the host produces from dossier events.</summary>
public static class FormCodes
{
    public const string Receipt = "01";
    public const string SupplementRequest = "02";
    public const string Refusal = "03";
    public const string Apology = "04";

    /// <summary>The written reply stating the reasons, when a received dossier is refused (appraisal, approval).</summary>
    public const string WrittenReply = "written-reply";

    /// <summary>The notice to the applicant that the authority stopped settling the dossier.</summary>
    public const string StopNotice = "stop-notice";

    public static readonly ImmutableArray<string> All = [Receipt, SupplementRequest, Refusal, Apology, WrittenReply, StopNotice];
}

/// <summary>Names the unit, applicant and officials print as; looked up once per form.</summary>
public sealed record FormNames(string UnitName, string ApplicantName, Func<Engine.Identity.UserId, string> OfficialName);

/// <summary>
/// Decides which form (if any) an event of a dossier's history calls for (forms 01–04, the written reply to a refused
/// received dossier, the notice of a stopped one) and fills it in from the history up to
/// that event only, so a form printed late says what was true when the event happened.
/// </summary>
public static class FormContents
{

    public static (string Form, DocumentContent Content)? For(IReadOnlyList<RecordedEvent> history, long sequence, ExecutableProcedure? procedure, FormNames names)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(names);
        var upTo = history.Where(e => e.Sequence <= sequence).ToList();
        var trigger = upTo.LastOrDefault();
        if (trigger is null || trigger.Sequence != sequence)
        {
            return null;
        }

        var data = Data(upTo);
        var heading = new DossierHeading(names.UnitName, names.UnitName, Text(data, "receiptNumber") ?? "", procedure?.Definition.Name ?? "", names.ApplicantName);
        var official = names.OfficialName(trigger.Actor);
        return trigger.Event switch
        {
            DossierStatusChanged { To: DossierStatus.Received, DueAt: { } appointment } =>
                // A rule that held at receipt is recorded right after the status change, by the same command (same instant).
                (FormCodes.Receipt, WithDeadlineRule(new ReceiptForm(heading, trigger.At, appointment, Components(upTo, procedure), official).ToContent(), history.Where(e => e.Sequence <= sequence || e.At == trigger.At))),
            DossierStatusChanged { To: DossierStatus.SupplementRequested } =>
                (FormCodes.SupplementRequest, SupplementRequest(heading, trigger, history, data, official)),
            // Form 03 is the desk's refusal to receive; once received, a refusal is answered in writing with the reasons.
            DossierCompleted { FinalStatus: DossierStatus.Refused } completed when !WasReceived(upTo) =>
                (FormCodes.Refusal, new RefusalForm(heading, trigger.At, completed.Reason ?? RefusalComment(upTo) ?? "", official).ToContent()),
            DossierCompleted { FinalStatus: DossierStatus.Refused } completed =>
                (FormCodes.WrittenReply, WrittenReply(heading, trigger, upTo, procedure, completed.Reason ?? RefusalComment(upTo), official)),
            DossierCompleted { FinalStatus: DossierStatus.Stopped } completed =>
                (FormCodes.StopNotice, new StopNoticeForm(heading, trigger.At, completed.Reason ?? "", official).ToContent()),
            AppointmentRescheduled moved =>
                (FormCodes.Apology, WithDeadlineRule(new ApologyForm(heading, trigger.At, moved.From, moved.To, moved.Reason) { LeaderName = official }.ToContent(), upTo)),
            _ => null,
        };
    }

    private static DocumentContent SupplementRequest(DossierHeading heading, RecordedEvent trigger, IReadOnlyList<RecordedEvent> history, ImmutableSortedDictionary<string, JsonElement> data, string official)
    {
        // The applicant's supplement step starts in the same command (same instant); its due instant is the window.
        var window = history
            .Where(e => e.At == trigger.At && e.Event is StepStarted { Role: "applicant", DueAt: not null })
            .Select(e => ((StepStarted)e.Event).DueAt)
            .FirstOrDefault();
        var missing = data.TryGetValue("missingDocuments", out var m) ? Lines(m) : [];
        var form = new SupplementRequestForm(heading, trigger.At, missing.IsEmpty ? ["(không ghi)"] : missing, official);
        var content = form.ToContent();
        return window is { } deadline
            ? content with { Blocks = [.. content.Blocks, new ParagraphBlock($"Hạn bổ sung, hoàn thiện hồ sơ: {VietnameseText.Instant(deadline)}.") { Bold = true }] }
            : content;
    }

    /// <summary>
    /// When a deadline rule of the procedure applies (e.g. 5 working days because verification is needed), the form says
    /// which deadline the appointment was counted with and why, so the applicant can check it against the law.
    /// </summary>
    private static DocumentContent WithDeadlineRule(DocumentContent content, IEnumerable<RecordedEvent> upTo) =>
        upTo.Select(e => e.Event).OfType<DeadlineChanged>().LastOrDefault() is { } rule
            ? content with { Blocks = [.. content.Blocks, new ParagraphBlock($"Thời hạn giải quyết áp dụng: {DeadlineText(rule.Deadline)} kể từ ngày tiếp nhận ({rule.Reason}).")] }
            : content;

    private static string DeadlineText(string deadline) =>
        Engine.Calendar.WorkingDuration.TryParse(deadline, out var d, out _) ? d.Unit switch
        {
            Engine.Calendar.WorkingDurationUnit.WorkingDays => $"{d.Amount.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} ngày làm việc",
            Engine.Calendar.WorkingDurationUnit.WorkingHours => $"{d.Amount.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} giờ làm việc",
            _ => "trong ngày",
        } : deadline;

    private static ImmutableSortedDictionary<string, JsonElement> Data(IEnumerable<RecordedEvent> events)
    {
        var data = ImmutableSortedDictionary<string, JsonElement>.Empty.WithComparers(StringComparer.Ordinal);
        foreach (var e in events)
        {
            switch (e.Event)
            {
                case DossierSubmitted submitted:
                    data = data.SetItems(submitted.Data);
                    break;
                case DataChanged changed:
                    data = data.SetItems(changed.Values);
                    break;
                case NumberAssigned number:
                    data = data.SetItem(number.Field, JsonSerializer.SerializeToElement(number.Number));
                    break;
            }
        }

        return data;
    }

    private static ImmutableArray<SubmittedComponent> Components(IEnumerable<RecordedEvent> events, ExecutableProcedure? procedure)
    {
        var attached = new List<Engine.Documents.Attachment>();
        foreach (var e in events)
        {
            switch (e.Event)
            {
                case DocumentAttached a:
                    attached.Add(a.Attachment);
                    break;
                case DocumentRemoved r:
                    attached.RemoveAll(x => x.Id == r.Id);
                    break;
            }
        }

        var names = procedure?.Definition.Documents.ToDictionary(d => d.Key, d => d.Name, StringComparer.Ordinal) ?? [];
        return [.. attached
            .GroupBy(a => a.Component, StringComparer.Ordinal)
            .Select(g => new SubmittedComponent(names.GetValueOrDefault(g.Key) ?? g.Key, "bản điện tử", g.Count()))];
    }

    private static bool WasReceived(IEnumerable<RecordedEvent> events) =>
        events.Any(e => e.Event is DossierStatusChanged { To: DossierStatus.Received });

    private static DocumentContent WrittenReply(DossierHeading heading, RecordedEvent trigger, IReadOnlyList<RecordedEvent> upTo, ExecutableProcedure? procedure, string? reasons, string official)
    {
        // What was asked for is the result the procedure issues (its template); the basis is the procedure and the step that decided.
        var template = procedure?.Definition.Steps.Select(s => s.Template).FirstOrDefault(t => t is not null);
        var resultName = template?.Name ?? template?.Id ?? procedure?.Definition.Name ?? "kết quả thủ tục hành chính";
        var received = upTo.First(e => e.Event is DossierStatusChanged { To: DossierStatus.Received }).At;
        var decidedAt = upTo.Select(e => e.Event).OfType<StepCompleted>().LastOrDefault(c => c.Outcome == "refuse") is { } decided
            && procedure is not null && procedure.TryStep(decided.Step, out var step)
            ? $"; ý kiến tại bước \"{step.Name}\""
            : "";
        var basis = $"Thủ tục \"{procedure?.Definition.Name ?? heading.ProcedureName}\"; hồ sơ tiếp nhận lúc {VietnameseText.Instant(received)}{decidedAt}";
        return new WrittenReplyForm(heading, trigger.At, resultName, basis, string.IsNullOrWhiteSpace(reasons) ? "(không ghi)" : reasons, official).ToContent();
    }

    private static string? RefusalComment(IEnumerable<RecordedEvent> events) =>
        events.Select(e => e.Event).OfType<StepCompleted>().LastOrDefault(c => c.Outcome == "refuse")?.Comment;

    private static string? Text(ImmutableSortedDictionary<string, JsonElement> data, string key) =>
        data.TryGetValue(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static ImmutableArray<string> Lines(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [.. (value.GetString() ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        JsonValueKind.Array => [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText())],
        JsonValueKind.Null or JsonValueKind.Undefined => [],
        _ => [value.GetRawText()],
    };
}
