using Workflows.Engine.Documents;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Tests.Execution;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Documents;

public class SupplementWindowTests
{
    /// <summary>birth-registration: "supplementWindow": "5d"; the test calendar counts 8 h per working day around the clock.</summary>
    private static readonly TimeSpan Window = TimeSpan.FromHours(5 * 8);

    private static (BirthRegistrationRun Run, ActiveStep Supplement) SupplementRequestedAtAppraisal()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        run.Complete("receive", "accept", Actors.Desk);
        run.Now += TimeSpan.FromHours(1);
        run.Complete("appraise", "request-supplement", Actors.Specialist, new { appraisalNote = "Giấy chứng sinh mờ", missingDocuments = "Giấy chứng sinh rõ nét" });
        return (run, run.State!.ActiveSteps.Single(s => s.Step.Value == "supplement"));
    }

    [Fact]
    public void A_supplement_request_gives_the_applicant_s_task_the_window_as_its_deadline_and_schedules_its_timer()
    {
        var (run, supplement) = SupplementRequestedAtAppraisal();

        supplement.DueAt.ShouldBe(run.Now + Window);
        var last = run.Accepted[^1];
        last.Effects.OfType<OpenTask>().Single(t => t.Role == "applicant").DueAt.ShouldBe(run.Now + Window);
        last.Effects.OfType<ScheduleTimer>().ShouldContain(t => t.Purpose == TimerPurpose.SupplementWindow && t.StepInstance == supplement.Instance && t.DueAt == run.Now + Window);
        run.State!.Sla.Timers.ShouldContain(t => t.Purpose == TimerPurpose.SupplementWindow);
    }

    [Fact]
    public void The_applicant_supplements_within_the_window()
    {
        var (run, supplement) = SupplementRequestedAtAppraisal();
        run.Now = supplement.DueAt!.Value; // the last instant still counts

        var accepted = run.Complete("supplement", "supplemented", Actors.Citizen, new { supplementNote = "Đã bổ sung" });

        accepted.State.Status.ShouldBe(DossierStatus.InProcess);
        accepted.State.Sla.Timers.ShouldNotContain(t => t.Purpose == TimerPurpose.SupplementWindow);
    }

    [Fact]
    public void Supplementing_after_the_window_is_refused_with_the_deadline_and_changes_nothing()
    {
        var (run, supplement) = SupplementRequestedAtAppraisal();
        run.Now = supplement.DueAt!.Value.AddMinutes(1);
        var before = run.State;

        var decision = run.Execute(new CompleteTask(supplement.Instance, "supplemented", Json.Data(new { supplementNote = "Muộn" }), Actors.Citizen));

        var rejection = decision.ShouldBeOfType<Rejected>().Rejection;
        rejection.Code.ShouldBe(DocumentRejections.SupplementWindowClosed);
        rejection.Message.ShouldContain(supplement.DueAt!.Value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        run.State.ShouldBeSameAs(before);
    }

    [Fact]
    public void When_the_window_closes_the_requester_and_those_who_may_stop_are_told_then_the_chair_stops_it()
    {
        var (run, supplement) = SupplementRequestedAtAppraisal();
        run.Now = supplement.DueAt!.Value;

        var fired = run.Do(new SlaTimerFired(supplement.Instance, TimerPurpose.SupplementWindow, 0, Actor.System(Actors.Commune)));

        fired.Events.Select(e => e.Event).ShouldBe([new SupplementWindowExpired(supplement.Instance, supplement.DueAt.Value)]);
        fired.Effects.OfType<Notify>().Select(n => n.To).ShouldBe([Recipient.Group("civil-status-officer", Actors.Commune), Recipient.Group("commune-chair", Actors.Commune)]);
        fired.Effects.OfType<Notify>().ShouldAllBe(n => n.Kind == NotificationKind.SupplementWindowExpired);

        var stopped = run.Do(new StopDossier("Quá thời hạn bổ sung hồ sơ.", Actors.Chair));
        stopped.State.Status.ShouldBe(DossierStatus.Stopped);
    }

    [Fact]
    public void Stopping_the_dossier_while_the_applicant_s_window_is_open_is_refused_with_its_end_and_changes_nothing()
    {
        var (run, supplement) = SupplementRequestedAtAppraisal();
        run.Now = supplement.DueAt!.Value.AddMinutes(-1);
        var before = run.State;

        var decision = run.Execute(new StopDossier("Không bổ sung hồ sơ.", Actors.Chair));

        var rejection = decision.ShouldBeOfType<Rejected>().Rejection;
        rejection.Code.ShouldBe(DocumentRejections.SupplementWindowOpen);
        rejection.Message.ShouldContain($"open until {supplement.DueAt.Value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)}");
        run.State.ShouldBeSameAs(before);

        run.Now = supplement.DueAt.Value;
        run.Do(new StopDossier("Quá thời hạn bổ sung hồ sơ.", Actors.Chair)).State.Status.ShouldBe(DossierStatus.Stopped);
    }

    [Fact]
    public void The_window_timer_is_not_delivered_early_nor_twice()
    {
        var (run, supplement) = SupplementRequestedAtAppraisal();
        var fire = new SlaTimerFired(supplement.Instance, TimerPurpose.SupplementWindow, 0, Actor.System(Actors.Commune));

        run.Execute(fire).ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe("timer-not-due");
        run.Now = supplement.DueAt!.Value;
        run.Do(fire);
        run.Execute(fire).ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.NotATimer);
    }

    [Fact]
    public void Without_a_window_policy_the_applicant_s_task_has_no_deadline()
    {
        var definition = SampleProcedures.Load("birth-registration");
        var run = new BirthRegistrationRun(definition with { Policies = definition.Policies with { SupplementWindow = null } });
        run.Submit();
        run.Complete("receive", "accept", Actors.Desk);
        run.Complete("appraise", "request-supplement", Actors.Specialist, new { appraisalNote = "Thiếu giấy tờ" });

        run.State!.ActiveSteps.Single(s => s.Step.Value == "supplement").DueAt.ShouldBeNull();
        run.State.Sla.Timers.ShouldNotContain(t => t.Purpose == TimerPurpose.SupplementWindow);
    }
}
