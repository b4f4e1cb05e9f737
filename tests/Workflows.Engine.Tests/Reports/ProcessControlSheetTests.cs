using Workflows.Engine.Reports;
using Workflows.Engine.Tests.Execution;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Reports;

public class ProcessControlSheetTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [Theory]
    [InlineData("2026-03-02T16:00:00+07:00", "2026-03-02T17:00:00+07:00", Timing.OnTime)]
    [InlineData("2026-03-01T16:00:00+07:00", "2026-03-02T17:00:00+07:00", Timing.Early)]
    [InlineData("2026-03-02T17:00:01+07:00", "2026-03-02T17:00:00+07:00", Timing.Late)]
    [InlineData("2026-03-02T10:30:00Z", "2026-03-02T17:00:00+07:00", Timing.Late)]
    [InlineData("2026-03-02T09:30:00Z", "2026-03-02T17:00:00+07:00", Timing.OnTime)]
    public void A_finished_step_is_early_on_time_or_late(string finished, string due, Timing expected)
    {
        TimingRules.Classify(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(finished, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.MinValue)
            .ShouldBe(expected);
    }

    [Fact]
    public void Unfinished_work_is_in_progress_until_its_due_instant_then_overdue()
    {
        var due = new DateTimeOffset(2026, 3, 2, 17, 0, 0, Vietnam);

        TimingRules.Classify(due, null, due).ShouldBe(Timing.InProgress);
        TimingRules.Classify(due, null, due.AddSeconds(1)).ShouldBe(Timing.Overdue);
        TimingRules.Classify(null, null, due).ShouldBe(Timing.Undated);
    }

    [Fact]
    public void The_sheet_lists_each_person_s_step_with_its_handover()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        run.Now = BirthRegistrationRun.Monday0800.AddMinutes(30);
        run.Complete("receive", "accept", Actors.Desk);
        run.Now = BirthRegistrationRun.Monday0800.AddHours(5);
        run.Complete("appraise", "recommend", Actors.Specialist, new { appraisalNote = "ok" });

        var rows = ProcessControlSheet.Build(run.Accepted.SelectMany(a => a.Events), run.Procedure, run.Now);

        rows.Select(r => (r.Step, r.HandedOverBy, r.Timing)).ShouldBe([
            ("receive", "desk-lan", Timing.OnTime),
            ("appraise", "civil-hoa", Timing.Late),
            ("approve", null, Timing.InProgress),
        ]);
        rows[0].StepName.ShouldBe("Tiếp nhận và số hóa hồ sơ");
        rows[1].ReceivedAt.ShouldBe(BirthRegistrationRun.Monday0800.AddMinutes(30));
    }
}
