using System.Collections.Immutable;
using System.Text.Json;
using Workflows.Api.Features.Forms;
using Workflows.Engine.Definitions;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Printing;
using Workflows.Tests.Shared;

namespace Workflows.Api.Tests;

/// <summary>Which document an event of the history calls for, and what it says (pure: no host, no database).</summary>
public sealed class FormContentsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 16, 8, 20, 0, TimeSpan.FromHours(7));

    private static readonly ExecutableProcedure Marriage = ExecutableProcedure.Create(
        DefinitionJson.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "procedures", "marriage-registration", "definition.json"))).Definition!);

    private static readonly FormNames Names = new("UBND xã Tân An", "Nguyễn Văn An", user => user.Value);

    private static readonly WorkflowEvent Submitted = new DossierSubmitted(Marriage.Key, new UnitId("xa-tan-an"), SubmissionChannel.Online, ImmutableSortedDictionary<string, JsonElement>.Empty);

    private static List<RecordedEvent> History(params WorkflowEvent[] events) =>
        [.. events.Select((e, i) => new RecordedEvent(i + 1, Monday.AddMinutes(i), new UserId("civil-hoa"), e))];

    private static (string Form, string Text) Produce(List<RecordedEvent> history)
    {
        var (form, content) = FormContents.For(history, history[^1].Sequence, Marriage, Names).ShouldNotBeNull();
        return (form, Text(content));
    }

    private static string Text(DocumentContent content) => string.Join("\n", content.Blocks.SelectMany(b => b switch
    {
        ParagraphBlock p => [p.Text],
        FieldsBlock f => f.Fields.Select(x => $"{x.Label}: {x.Value}"),
        _ => [],
    }).Prepend(content.Title));

    private static readonly DossierStatusChanged Received = new DossierStatusChanged(DossierStatus.New, DossierStatus.Received) { DueAt = Monday.AddHours(8) };

    [Fact]
    public void A_refusal_before_the_dossier_was_received_is_form_03()
    {
        var (form, text) = Produce(History(
            Submitted,
            new StepCompleted(2, new StepId("receive")) { Outcome = "refuse", Comment = "Hai bên không có mặt" },
            new DossierStatusChanged(DossierStatus.New, DossierStatus.Refused),
            new DossierCompleted(new StepId("refused"), DossierStatus.Refused)));

        form.ShouldBe(FormCodes.Refusal);
        text.ShouldContain("Hai bên không có mặt");
    }

    [Theory]
    [InlineData("appraise", "Thẩm định điều kiện kết hôn")]
    [InlineData("verify", "Xác minh điều kiện kết hôn")]
    public void A_refusal_of_a_received_dossier_is_a_written_reply_naming_the_result_the_step_and_the_reasons(string step, string stepName)
    {
        var (form, text) = Produce(History(
            Submitted,
            Received,
            new DossierStatusChanged(DossierStatus.Received, DossierStatus.InProcess),
            new StepCompleted(4, new StepId(step)) { Outcome = "refuse", Comment = "Bên nữ đang có chồng." },
            new DossierStatusChanged(DossierStatus.InProcess, DossierStatus.Refused),
            new DossierCompleted(new StepId("refused"), DossierStatus.Refused)));

        form.ShouldBe(FormCodes.WrittenReply);
        text.ShouldContain("Văn bản trả lời");
        text.ShouldContain("không giải quyết cấp Giấy chứng nhận kết hôn");
        text.ShouldContain("Bên nữ đang có chồng.");
        text.ShouldContain(stepName);
        text.ShouldNotContain("từ chối tiếp nhận", Case.Insensitive);
    }

    [Fact]
    public void A_stopped_dossier_is_a_notice_to_the_applicant_with_the_reason()
    {
        var (form, text) = Produce(History(
            Submitted,
            Received,
            new DossierStatusChanged(DossierStatus.Received, DossierStatus.Stopped),
            new DossierCompleted(null, DossierStatus.Stopped) { Reason = "Quá hạn bổ sung hồ sơ." }));

        form.ShouldBe(FormCodes.StopNotice);
        text.ShouldContain("Thông báo dừng giải quyết hồ sơ");
        text.ShouldContain("Quá hạn bổ sung hồ sơ.");
    }

    [Fact]
    public void Form_01_says_which_deadline_rule_the_appointment_was_counted_with()
    {
        var (plain, plainText) = Produce(History(Submitted, Received));
        plain.ShouldBe(FormCodes.Receipt);
        plainText.ShouldNotContain("Thời hạn giải quyết áp dụng");

        // The rule held at receipt: the same command records the status change, then why the appointment is 5 days away.
        var receivedAt = Monday.AddMinutes(1);
        List<RecordedEvent> history =
        [
            new(1, Monday, new UserId("citizen-an"), Submitted),
            new(2, receivedAt, new UserId("desk-lan"), Received with { DueAt = Monday.AddDays(7) }),
            new(3, receivedAt, new UserId("desk-lan"), new DeadlineChanged(0, "5d", "Cần xác minh điều kiện kết hôn", Monday.AddHours(8), Monday.AddDays(7)) { PreviousDeadline = "same-day@15:00" }),
        ];
        var (form, content) = FormContents.For(history, 2, Marriage, Names).ShouldNotBeNull();

        form.ShouldBe(FormCodes.Receipt);
        Text(content).ShouldContain("Thời hạn giải quyết áp dụng: 5 ngày làm việc kể từ ngày tiếp nhận (Cần xác minh điều kiện kết hôn)");
    }

    [Fact]
    public void Form_04_says_which_deadline_rule_applied_before_the_new_appointment()
    {
        var (form, text) = Produce(History(
            Submitted,
            Received,
            new DeadlineChanged(0, "5d", "Cần xác minh điều kiện kết hôn", Monday.AddHours(8), Monday.AddDays(7)) { PreviousDeadline = "same-day@15:00" },
            new AppointmentRescheduled(Monday.AddDays(7), Monday.AddDays(9), "Chờ trả lời xác minh")));

        form.ShouldBe(FormCodes.Apology);
        text.ShouldContain("Chờ trả lời xác minh");
        text.ShouldContain("5 ngày làm việc kể từ ngày tiếp nhận (Cần xác minh điều kiện kết hôn)");
    }
}
