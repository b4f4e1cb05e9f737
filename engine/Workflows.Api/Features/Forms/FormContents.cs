using System.Collections.Immutable;
using System.Text.Json;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Signing.Documents;
using Workflows.Engine.Signing.Documents.Forms;

namespace Workflows.Api.Features.Forms;

/// <summary>The form codes of Circular 01/2018/TT-VPCP the host produces from dossier events.</summary>
public static class FormCodes
{
    public const string Receipt = "01";
    public const string SupplementRequest = "02";
    public const string Refusal = "03";
    public const string Apology = "04";

    public static readonly ImmutableArray<string> All = [Receipt, SupplementRequest, Refusal, Apology];
}

/// <summary>Names the unit, applicant and officials print as; looked up once per form.</summary>
public sealed record FormNames(string UnitName, string ApplicantName, Func<Engine.Identity.UserId, string> OfficialName);

/// <summary>
/// Decides which form (if any) an event of a dossier's history calls for and fills it in from the history up to
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
                (FormCodes.Receipt, new ReceiptForm(heading, trigger.At, appointment, Components(upTo, procedure), official).ToContent()),
            DossierStatusChanged { To: DossierStatus.SupplementRequested } =>
                (FormCodes.SupplementRequest, SupplementRequest(heading, trigger, history, data, official)),
            DossierCompleted { FinalStatus: DossierStatus.Refused } completed =>
                (FormCodes.Refusal, new RefusalForm(heading, trigger.At, completed.Reason ?? RefusalComment(upTo) ?? "", official).ToContent()),
            AppointmentRescheduled moved =>
                (FormCodes.Apology, new ApologyForm(heading, trigger.At, moved.From, moved.To, moved.Reason) { LeaderName = official }.ToContent()),
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
