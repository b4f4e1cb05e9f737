using Workflows.Engine.Reports;
using Workflows.Engine.Sla;
using Workflows.Engine.Tests.Execution;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Reports;

public class ProcessControlSheetTests
{
    [Fact]
    public void The_sheet_lists_each_person_s_step_with_its_handover()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        run.Now = BirthRegistrationRun.Monday0800.AddMinutes(30);
        run.Complete("receive", "accept", Actors.Desk);
        run.Now = BirthRegistrationRun.Monday0800.AddHours(5);
        run.Complete("appraise", "recommend", Actors.Specialist, new { appraisalNote = "ok" });

        var rows = ProcessControlSheet.Build(run.Accepted.SelectMany(a => a.Events), run.Procedure, ContinuousCalendar.Instance, run.Now);

        rows.Select(r => (r.Step, r.HandedOverBy, r.Timing)).ShouldBe([
            ("receive", "desk-lan", (TimingClass?)TimingClass.OnTime),
            ("appraise", "civil-hoa", TimingClass.Late),
            ("approve", null, TimingClass.DueSoon),
        ]);
        rows[0].StepName.ShouldBe("Tiếp nhận và số hóa hồ sơ");
        rows[1].ReceivedAt.ShouldBe(BirthRegistrationRun.Monday0800.AddMinutes(30));
    }
}
