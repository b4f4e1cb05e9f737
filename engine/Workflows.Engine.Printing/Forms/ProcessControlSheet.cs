using System.Collections.Immutable;
using System.Globalization;

namespace Workflows.Engine.Printing.Forms;

/// <summary>
/// Form 05, the process control sheet: every handover of the dossier with who handed over, who received, when, and
/// whether the step finished early, on time or late.
/// </summary>
public sealed record ProcessControlSheet(DossierHeading Dossier, DateTimeOffset ReceivedAt, DateTimeOffset AppointmentAt, ImmutableArray<Handover> Handovers)
{
    public const string Title = "Phiếu kiểm soát quá trình giải quyết hồ sơ";

    public DocumentContent ToContent() => Dossier.Content(Title, VietnameseText.LocalDate(ReceivedAt), null) with
    {
        Blocks =
        [
            new FieldsBlock(
            [
                .. Dossier.ApplicantFields(),
                new DocumentField("Thời gian nhận hồ sơ", VietnameseText.Instant(ReceivedAt)),
                new DocumentField("Thời gian hẹn trả kết quả", VietnameseText.Instant(AppointmentAt)),
            ]),
            new TableBlock(
                ["STT", "Bước xử lý", "Người giao / người nhận", "Nhận lúc", "Giao lúc", "Kết quả", "Ghi chú"],
                [.. Handovers.Select((h, i) => ImmutableArray.Create(
                    (i + 1).ToString(CultureInfo.InvariantCulture),
                    h.Step,
                    $"{h.HandedOverBy} → {h.ReceivedBy}",
                    VietnameseText.Instant(h.ReceivedAt),
                    h.HandedOverAt is { } at ? VietnameseText.Instant(at) : "",
                    Describe(h.Timing),
                    h.Note ?? ""))])
            {
                ColumnWeights = [0.7, 2.0, 2.3, 1.9, 1.9, 1.5, 1.0],
            },
        ],
    };

    public static string Describe(HandoverTiming timing) => timing switch
    {
        HandoverTiming.Early => "Trước hạn",
        HandoverTiming.OnTime => "Đúng hạn",
        HandoverTiming.Late => "Quá hạn",
        _ => "Đang xử lý",
    };
}

/// <summary>One row of form 05: a step's work from receipt to handover.</summary>
public sealed record Handover(string Step, string HandedOverBy, string ReceivedBy, DateTimeOffset ReceivedAt, DateTimeOffset? HandedOverAt, HandoverTiming Timing)
{
    public string? Note { get; init; }
}

public enum HandoverTiming
{
    InProgress,
    Early,
    OnTime,
    Late,
}
