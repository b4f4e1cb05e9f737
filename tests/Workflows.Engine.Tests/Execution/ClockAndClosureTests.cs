using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.Calendar;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Execution;

/// <summary>Supplement requests pause the legal clock; withdrawal and stop end the dossier with a reason.</summary>
public class ClockAndClosureTests
{
    private const string Definition = """
        {
          "id": "household-business", "name": "Đăng ký hộ kinh doanh", "deadline": "3d",
          "roles": [ { "id": "desk-officer", "name": "Một cửa" }, { "id": "specialist", "name": "Chuyên viên" }, { "id": "leader", "name": "Lãnh đạo" } ],
          "policies": { "stopRoles": ["leader"], "clockOnResume": "CLOCK" },
          "form": { "fields": [ { "key": "businessName", "type": "text", "required": true }, { "key": "missing", "type": "text" } ] },
          "steps": [
            { "id": "start", "kind": "start" },
            { "id": "receive", "kind": "task", "role": "desk-officer", "outcomes": ["accept"] },
            { "id": "appraise", "kind": "task", "role": "specialist", "status": "in-process", "outcomes": ["supplement", "done"] },
            { "id": "supplement", "kind": "task", "role": "applicant", "status": "supplement-requested", "outcomes": ["supplemented"], "fields": ["missing"], "requiredFields": ["missing"] },
            { "id": "end", "kind": "end", "status": "refused" }
          ],
          "transitions": [
            { "from": "start", "to": "receive" },
            { "from": "receive", "to": "appraise", "outcome": "accept" },
            { "from": "appraise", "to": "supplement", "outcome": "supplement" },
            { "from": "supplement", "to": "appraise", "outcome": "supplemented" },
            { "from": "appraise", "to": "end", "outcome": "done" }
          ]
        }
        """;

    // Monday 4 May 2026 09:00: the week after the 30 April / 1 May holidays, no holiday in the next weeks.
    private static readonly DateTimeOffset Monday = new(2026, 5, 4, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly Actor Applicant = new(new UserId("citizen-an"), new UnitId("tinh-demo"), ["citizen"]);
    private static readonly Actor Desk = new(new UserId("desk-lan"), Actors.Commune, ["desk-officer"]);
    private static readonly Actor Specialist = new(new UserId("spec-hoa"), Actors.Commune, ["specialist"]);
    private static readonly Actor Leader = new(new UserId("leader-tuan"), Actors.Commune, ["leader"]);

    private readonly WorkflowExecutor executor = new(DefaultCalendarSource.Around(Monday));
    private ExecutableProcedure procedure = SampleProcedures.Executable(Definition.Replace("CLOCK", "continue", StringComparison.Ordinal));
    private InstanceState? state;

    private Decision Execute(WorkflowCommand command, DateTimeOffset at) => executor.Execute(procedure, state, command, at);

    private Accepted Do(WorkflowCommand command, DateTimeOffset at)
    {
        var decision = Execute(command, at);
        var accepted = decision as Accepted ?? throw new ShouldAssertException($"Rejected: {((Rejected)decision).Rejection}");
        state = accepted.State;
        return accepted;
    }

    private int Task(string step) => state!.ActiveSteps.Single(s => s.Step.Value == step).Instance;

    private void ReceiveAt(DateTimeOffset at)
    {
        Do(new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Online, Json.Data(new { businessName = "Quán phở Hà Nội" }), Applicant), at);
        Do(new CompleteTask(Task("receive"), "accept", Json.None, Desk), at);
    }

    [Fact]
    public void A_supplement_request_pauses_the_clock_and_resumption_continues_the_remaining_time()
    {
        ReceiveAt(Monday);
        state!.DueAt.ShouldBe(Monday.AddDays(3));

        // Tuesday 09:00: one working day used, two left.
        var paused = Do(new CompleteTask(Task("appraise"), "supplement", Json.None, Specialist), Monday.AddDays(1));
        paused.State.Status.ShouldBe(DossierStatus.SupplementRequested);
        paused.Events.Select(e => e.Event).OfType<ClockPaused>().ShouldHaveSingleItem().RemainingWorkingTime.ShouldBe(TimeSpan.FromHours(16));

        // The applicant supplements a week later, Tuesday 12 May 09:00: two working days remain from there.
        var resumed = Do(new CompleteTask(Task("supplement"), "supplemented", Json.Data(new { missing = "Bản sao hợp đồng thuê nhà" }), Applicant), Monday.AddDays(8));
        resumed.State.DueAt.ShouldBe(new DateTimeOffset(2026, 5, 14, 9, 0, 0, TimeSpan.FromHours(7)));
        resumed.Events.Select(e => e.Event).OfType<ClockResumed>().ShouldHaveSingleItem().Mode.ShouldBe(Engine.Definitions.ClockResumption.Continue);
        resumed.State.ClockPausedAt.ShouldBeNull();
    }

    [Fact]
    public void A_procedure_may_restart_the_full_deadline_on_resumption()
    {
        procedure = SampleProcedures.Executable(Definition.Replace("CLOCK", "restart", StringComparison.Ordinal));
        ReceiveAt(Monday);
        Do(new CompleteTask(Task("appraise"), "supplement", Json.None, Specialist), Monday.AddDays(1));

        var resumed = Do(new CompleteTask(Task("supplement"), "supplemented", Json.Data(new { missing = "x" }), Applicant), Monday.AddDays(8));

        resumed.State.DueAt.ShouldBe(Monday.AddDays(8 + 3));
    }

    [Fact]
    public void Only_the_applicant_can_answer_a_supplement_request()
    {
        ReceiveAt(Monday);
        Do(new CompleteTask(Task("appraise"), "supplement", Json.None, Specialist), Monday.AddDays(1));

        var decision = Execute(new CompleteTask(Task("supplement"), "supplemented", Json.Data(new { missing = "x" }), Desk), Monday.AddDays(2));

        decision.ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("applicant");
    }

    [Fact]
    public void The_applicant_withdraws_and_every_open_task_is_cancelled()
    {
        ReceiveAt(Monday);

        var withdrawn = Do(new WithdrawDossier("Không còn nhu cầu", Applicant), Monday.AddHours(2));

        withdrawn.State.Status.ShouldBe(DossierStatus.Withdrawn);
        withdrawn.State.IsCompleted.ShouldBeTrue();
        withdrawn.Effects.OfType<CloseTask>().ShouldHaveSingleItem().Closure.ShouldBe(TaskClosure.Cancelled);
        withdrawn.Events.Last().Event.ShouldBe(new DossierCompleted(null, DossierStatus.Withdrawn) { Reason = "Không còn nhu cầu" });
    }

    [Fact]
    public void Someone_else_cannot_withdraw_the_applicant_s_dossier()
    {
        ReceiveAt(Monday);
        var stranger = new Actor(new UserId("citizen-other"), new UnitId("tinh-demo"), ["citizen"]);

        Execute(new WithdrawDossier("?", stranger), Monday).ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.NotAuthorized);
    }

    [Fact]
    public void A_leader_stops_a_dossier_with_a_reason_but_a_specialist_cannot()
    {
        ReceiveAt(Monday);

        Execute(new StopDossier("Vi phạm", Specialist), Monday).ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("leader");
        Execute(new StopDossier("  ", Leader), Monday).ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.InvalidData);
        var stopped = Do(new StopDossier("Hồ sơ giả mạo giấy tờ", Leader), Monday.AddHours(3));

        stopped.State.Status.ShouldBe(DossierStatus.Stopped);
    }

    [Fact]
    public void A_dossier_cannot_be_withdrawn_once_closed()
    {
        ReceiveAt(Monday);
        Do(new StopDossier("Lý do", Leader), Monday);

        Execute(new WithdrawDossier("Muộn", Applicant), Monday).ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.DossierCompleted);
    }
}
