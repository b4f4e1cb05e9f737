using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Serialization;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Execution;

public class WorkflowExecutorTests
{
    [Fact]
    public void Submitting_opens_the_receive_task_for_the_desk_of_the_dossier_unit()
    {
        var run = new BirthRegistrationRun();

        var accepted = run.Submit();

        accepted.State.Status.ShouldBe(DossierStatus.New);
        accepted.State.Version.ShouldBe(1);
        var task = accepted.Effects.OfType<OpenTask>().ShouldHaveSingleItem();
        task.Role.ShouldBe("desk-officer");
        task.Unit.ShouldBe(Actors.Commune);
        task.DueAt.ShouldBe(BirthRegistrationRun.Monday0800.AddHours(1));
        accepted.Events.Select(e => e.Event.GetType().Name).ShouldBe(["DossierSubmitted", "StepStarted"]);
        accepted.Events.Select(e => e.Sequence).ShouldBe([1L, 2L]);
    }

    [Fact]
    public void Receipt_starts_the_legal_clock_and_sets_the_appointment()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        run.Now = BirthRegistrationRun.Monday0800.AddMinutes(30);

        var accepted = run.Complete("receive", "accept", Actors.Desk);

        accepted.State.Status.ShouldBe(DossierStatus.InProcess);
        accepted.State.ReceivedAt.ShouldBe(run.Now);
        accepted.State.DueAt.ShouldBe(run.Now.AddHours(8));
        accepted.Events.Select(e => e.Event).OfType<DossierStatusChanged>().ShouldBe([
            new DossierStatusChanged(DossierStatus.New, DossierStatus.Received) { DueAt = run.Now.AddHours(8) },
            new DossierStatusChanged(DossierStatus.Received, DossierStatus.InProcess),
        ]);
    }

    [Fact]
    public void A_dossier_walks_the_five_steps_to_returned()
    {
        var run = new BirthRegistrationRun();
        run.WalkToReturn();
        run.State!.Status.ShouldBe(DossierStatus.ResultReady);

        var last = run.Complete("return", "returned", Actors.Desk, new { receivedBy = "Trần Thị Bình" });

        last.State.Status.ShouldBe(DossierStatus.Returned);
        last.State.IsCompleted.ShouldBeTrue();
        last.State.ActiveSteps.ShouldBeEmpty();
        last.Events.Last().Event.ShouldBe(new DossierCompleted(new("done"), DossierStatus.Returned));
        last.State.Data["registerNumber"].GetString().ShouldBe("1/2026/KS");
        run.Accepted.SelectMany(a => a.Events).Select(e => e.Sequence).ShouldBe(Enumerable.Range(1, (int)last.State.LastEventSequence).Select(i => (long)i));
    }

    [Fact]
    public void Rework_sends_the_dossier_back_to_the_specialist_as_a_new_task()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        run.Complete("receive", "accept", Actors.Desk);
        run.Complete("appraise", "recommend", Actors.Specialist, new { appraisalNote = "Đề nghị duyệt" });
        var firstAppraisal = run.Accepted[^1].Effects.OfType<OpenTask>().Single().Task.StepInstance;

        var rework = run.Complete("approve", "rework", Actors.Chair);

        var reopened = rework.Effects.OfType<OpenTask>().ShouldHaveSingleItem();
        reopened.Step.Value.ShouldBe("appraise");
        reopened.Task.StepInstance.ShouldBeGreaterThan(firstAppraisal);
        rework.State.Status.ShouldBe(DossierStatus.InProcess);
    }

    [Fact]
    public void Refusal_at_receipt_ends_the_dossier_as_refused()
    {
        var run = new BirthRegistrationRun();
        run.Submit();

        var accepted = run.Complete("receive", "refuse", Actors.Desk);

        accepted.State.Status.ShouldBe(DossierStatus.Refused);
        accepted.State.ReceivedAt.ShouldBeNull();
        accepted.State.IsCompleted.ShouldBeTrue();
    }

    [Fact]
    public void An_outcome_the_step_does_not_offer_is_rejected_and_lists_the_offered_ones()
    {
        var run = new BirthRegistrationRun();
        run.Submit();

        var decision = run.Execute(new CompleteTask(run.TaskAt("receive"), "approve", Json.None, Actors.Desk));

        var rejection = decision.ShouldBeOfType<Rejected>().Rejection;
        rejection.Code.ShouldBe(RejectionCodes.UnknownOutcome);
        rejection.Message.ShouldContain("accept, refuse");
    }

    [Fact]
    public void An_official_without_the_role_cannot_complete_the_task()
    {
        var run = new BirthRegistrationRun();
        run.Submit();

        var decision = run.Execute(new CompleteTask(run.TaskAt("receive"), "accept", Json.None, Actors.Specialist));

        decision.ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.NotAuthorized);
    }

    [Fact]
    public void An_official_of_another_unit_cannot_complete_the_task()
    {
        var run = new BirthRegistrationRun();
        run.Submit();

        var decision = run.Execute(new CompleteTask(run.TaskAt("receive"), "accept", Json.None, Actors.DeskElsewhere));

        decision.ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("xa-tan-an");
    }

    [Fact]
    public void Completing_a_task_that_is_no_longer_open_is_rejected()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        var receive = run.TaskAt("receive");
        run.Complete("receive", "accept", Actors.Desk);

        var decision = run.Execute(new CompleteTask(receive, "accept", Json.None, Actors.Desk));

        decision.ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.TaskNotOpen);
    }

    [Fact]
    public void Data_that_fails_the_form_is_rejected_with_every_problem()
    {
        var run = new BirthRegistrationRun();

        var decision = run.Execute(new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Online,
            Json.Data(new { childName = "An", childBirthDate = "20/02/2026", childSex = "khác", declarantId = "123", colour = "blue" }), Actors.Citizen));

        var message = decision.ShouldBeOfType<Rejected>().Rejection.Message;
        message.ShouldContain("'childBirthDate'");
        message.ShouldContain("'childSex'");
        message.ShouldContain("'declarantId'");
        message.ShouldContain("'colour' is not on this procedure's form");
        message.ShouldContain("'birthPlace' (Nơi sinh) is required");
    }

    [Fact]
    public void A_required_field_of_the_step_must_be_filled_before_completing_it()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        run.Complete("receive", "accept", Actors.Desk);

        var decision = run.Execute(new CompleteTask(run.TaskAt("appraise"), "recommend", Json.None, Actors.Specialist));

        decision.ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("'appraisalNote'");
    }

    [Fact]
    public void A_step_may_only_change_its_own_fields()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        run.Complete("receive", "accept", Actors.Desk);

        var decision = run.Execute(new CompleteTask(run.TaskAt("appraise"), "recommend", Json.Data(new { appraisalNote = "ok", childName = "Khác" }), Actors.Specialist));

        decision.ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("Field 'childName' (Họ, chữ đệm, tên của trẻ) cannot be written at step 'appraise'");
    }

    [Fact]
    public void Nothing_can_be_done_on_a_closed_dossier()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        run.Complete("receive", "refuse", Actors.Desk);

        var decision = run.Execute(new ClaimTask(1, Actors.Desk));

        decision.ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.DossierCompleted);
    }

    [Fact]
    public void A_second_submission_of_the_same_dossier_is_rejected()
    {
        var run = new BirthRegistrationRun();
        run.Submit();

        var decision = run.Execute(new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Online, BirthRegistrationRun.ValidApplication, Actors.Citizen));

        decision.ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.DossierExists);
    }

    [Fact]
    public void A_claimed_task_can_only_be_completed_by_its_assignee_until_released()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        var receive = run.TaskAt("receive");
        run.Do(new ClaimTask(receive, Actors.Desk)).Effects.ShouldBe([new AssignTask(new TaskId(BirthRegistrationRun.Id, receive), Actors.Desk.User)]);

        run.Execute(new CompleteTask(receive, "accept", Json.None, Actors.DeskColleague)).ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("claimed by 'desk-lan'");
        run.Execute(new ClaimTask(receive, Actors.DeskColleague)).ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.AlreadyClaimed);
        run.Execute(new ReleaseTask(receive, Actors.DeskColleague)).ShouldBeOfType<Rejected>();

        run.Do(new ReleaseTask(receive, Actors.Desk));
        run.Complete("receive", "accept", Actors.DeskColleague).State.Status.ShouldBe(DossierStatus.InProcess);
    }

    [Fact]
    public void The_system_cannot_complete_a_person_s_task()
    {
        var run = new BirthRegistrationRun();
        run.Submit();

        var decision = run.Execute(new CompleteTask(run.TaskAt("receive"), "accept", Json.None, Identity.Actor.System(Actors.Commune)));

        decision.ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.NotAuthorized);
    }

    [Fact]
    public void The_same_command_on_the_same_state_gives_the_same_decision()
    {
        var first = new BirthRegistrationRun();
        var second = new BirthRegistrationRun();
        first.WalkToReturn();
        second.WalkToReturn();

        var a = first.Execute(new CompleteTask(first.TaskAt("return"), "returned", Json.Data(new { receivedBy = "Bình" }), Actors.Desk));
        var b = second.Execute(new CompleteTask(second.TaskAt("return"), "returned", Json.Data(new { receivedBy = "Bình" }), Actors.Desk));

        System.Text.Json.JsonSerializer.Serialize(a, WorkflowJson.Options).ShouldBe(System.Text.Json.JsonSerializer.Serialize(b, WorkflowJson.Options));
    }

    [Fact]
    public void State_survives_a_json_round_trip_unchanged()
    {
        var run = new BirthRegistrationRun();
        run.WalkToReturn();

        var json = System.Text.Json.JsonSerializer.Serialize(run.State, WorkflowJson.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<InstanceState>(json, WorkflowJson.Options)!;

        System.Text.Json.JsonSerializer.Serialize(back, WorkflowJson.Options).ShouldBe(json);
        json.ShouldContain("Nguyễn Văn An");
        var next = new WorkflowExecutor(ContinuousCalendar.Instance).Execute(run.Procedure, back,
            new CompleteTask(run.TaskAt("return"), "returned", Json.Data(new { receivedBy = "Bình" }), Actors.Desk), run.Now);
        next.ShouldBeOfType<Accepted>().State.Status.ShouldBe(DossierStatus.Returned);
    }
}
