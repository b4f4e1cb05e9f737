using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Sla;
using Workflows.Engine.Tests.Execution;
using Workflows.Engine.Tests.Support;
using static Workflows.Engine.Tests.Sla.SlaRun;

namespace Workflows.Engine.Tests.Sla;

/// <summary>Due-soon, overdue and every escalation rung, fired in order on the legal calendar.</summary>
public class EscalationLadderTests
{
    private static DateTimeOffset May(int day, int hour, int minute = 0) => new(2026, 5, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Fact]
    public void Opening_a_step_with_a_budget_schedules_its_warning_overdue_and_every_rung_on_working_time()
    {
        var run = new SlaRun().ReceivedAt(Monday);
        var appraise = run.Task("appraise");

        // Due Thursday 09:00 (3 working days). -1d is Wednesday 09:00; +4h crosses the lunch break; +1d is Friday.
        run.State.Sla.Timers.Where(t => t.StepInstance == appraise).Select(t => (t.Purpose, t.Rung, t.DueAt)).ShouldBe(
        [
            (TimerPurpose.DueSoon, 0, May(6, 9)),
            (TimerPurpose.Overdue, 0, May(7, 9)),
            (TimerPurpose.Escalation, 0, May(6, 9)),
            (TimerPurpose.Escalation, 1, May(7, 9)),
            (TimerPurpose.Escalation, 2, May(7, 14, 30)),
            (TimerPurpose.Escalation, 3, May(8, 9)),
            (TimerPurpose.Escalation, 4, May(8, 9)),
        ]);

        // The appointment: 15 working days from Monday 4 May 09:00 is Monday 25 May 09:00; due soon 3 days before.
        run.State.DueAt.ShouldBe(May(25, 9));
        run.State.Sla.Timers.Where(t => t.StepInstance == SlaTimer.DossierInstance).Select(t => (t.Purpose, t.DueAt))
            .ShouldBe([(TimerPurpose.DueSoon, May(20, 9)), (TimerPurpose.Overdue, May(25, 9))]);
    }

    [Fact]
    public void A_dossier_is_walked_through_warning_overdue_and_every_escalation_rung()
    {
        var run = new SlaRun().ReceivedAt(Monday);
        var appraise = run.Task("appraise");
        var task = new TaskId(BirthRegistrationRun.Id, appraise);
        run.Do(new ClaimTask(appraise, Specialist), Monday.AddHours(1));

        var soon = run.Fire(appraise, TimerPurpose.DueSoon, 0, May(6, 9));
        soon.Events.Select(e => e.Event).ShouldBe([new StepDueSoon(appraise, new("appraise"), May(7, 9))]);
        soon.Effects.OfType<Notify>().ShouldHaveSingleItem().To.ShouldBe(Recipient.Person(Specialist.User));

        var reminder = run.Fire(appraise, TimerPurpose.Escalation, 0, May(6, 9));
        reminder.Events.Select(e => e.Event).ShouldBe([new EscalationRungReached(appraise, new("appraise"), 0, EscalationAction.NotifyAssignee)]);
        reminder.Effects.OfType<Notify>().ShouldHaveSingleItem().To.ShouldBe(Recipient.Person(Specialist.User));

        var overdue = run.Fire(appraise, TimerPurpose.Overdue, 0, May(7, 9));
        overdue.Events.Select(e => e.Event).ShouldBe([new StepOverdue(appraise, new("appraise"), May(7, 9))]);

        var leader = run.Fire(appraise, TimerPurpose.Escalation, 1, May(7, 9));
        leader.Effects.OfType<Notify>().ShouldHaveSingleItem().To.ShouldBe(Recipient.Group("leader", Actors.Commune));

        var reassigned = run.Fire(appraise, TimerPurpose.Escalation, 2, May(7, 14, 30));
        reassigned.Events.Select(e => e.Event).ShouldContain(new TaskReassigned(appraise, Specialist.User, "specialist", Actors.Commune));
        reassigned.Effects.ShouldContain(new AssignTask(task, null));
        run.State.FindActive(appraise)!.Assignee.ShouldBeNull();

        var raised = run.Fire(appraise, TimerPurpose.Escalation, 3, May(8, 9));
        raised.Effects.ShouldContain(new SetTaskPriority(task, 1));
        run.State.FindActive(appraise)!.Priority.ShouldBe(1);

        // The apology proposes the appointment moved by the step's overrun (one working day) and must be sent
        // one working day before the current appointment.
        var apology = run.Fire(appraise, TimerPurpose.Escalation, 4, May(8, 9));
        apology.Events.Select(e => e.Event).OfType<ApologyDrafted>().ShouldHaveSingleItem()
            .ShouldBe(new ApologyDrafted(appraise, May(25, 9), May(26, 9), May(22, 9)));
        apology.Effects.OfType<Notify>().ShouldHaveSingleItem().Kind.ShouldBe(NotificationKind.ApologyDrafted);

        run.State.Sla.Timers.ShouldAllBe(t => t.StepInstance == SlaTimer.DossierInstance);

        var dossierSoon = run.Fire(SlaTimer.DossierInstance, TimerPurpose.DueSoon, 0, May(20, 9));
        dossierSoon.Events.Select(e => e.Event).ShouldBe([new DossierDueSoon(May(25, 9))]);
        var dossierLate = run.Fire(SlaTimer.DossierInstance, TimerPurpose.Overdue, 0, May(25, 9, 1));
        dossierLate.Events.Select(e => e.Event).ShouldBe([new DossierOverdue(May(25, 9))]);
        run.State.Sla.Timers.ShouldBeEmpty();
    }

    [Fact]
    public void A_timer_delivered_twice_is_refused_the_second_time_and_changes_nothing()
    {
        var run = new SlaRun().ReceivedAt(Monday);
        var appraise = run.Task("appraise");
        run.Fire(appraise, TimerPurpose.Overdue, 0, May(7, 9));
        var before = run.State;

        var again = run.Execute(new SlaTimerFired(appraise, TimerPurpose.Overdue, 0, Timers), May(7, 9, 5));

        again.ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.NotATimer);
        run.State.ShouldBeSameAs(before);
    }

    [Fact]
    public void A_timer_for_a_step_that_moved_on_does_nothing()
    {
        var run = new SlaRun().ReceivedAt(Monday);
        var appraise = run.Task("appraise");
        var done = run.Do(new CompleteTask(appraise, "done", Json.None, Specialist), May(5, 9));
        done.State.Sla.Timers.ShouldBeEmpty();

        run.Execute(new SlaTimerFired(appraise, TimerPurpose.Overdue, 0, Timers), May(7, 9))
            .ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.DossierCompleted);
    }

    [Fact]
    public void A_timer_that_is_not_due_yet_or_not_from_the_system_is_refused()
    {
        var run = new SlaRun().ReceivedAt(Monday);
        var appraise = run.Task("appraise");

        run.Execute(new SlaTimerFired(appraise, TimerPurpose.Overdue, 0, Timers), May(7, 8, 59))
            .ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(SlaRejections.TimerNotDue);
        run.Execute(new SlaTimerFired(appraise, TimerPurpose.Overdue, 0, Specialist), May(7, 9))
            .ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.NotAuthorized);
    }

    [Fact]
    public void A_supplement_request_drops_the_step_and_dossier_timers_and_resumption_plans_them_again()
    {
        var run = new SlaRun().ReceivedAt(Monday);
        run.Do(new CompleteTask(run.Task("appraise"), "supplement", Json.None, Specialist), May(5, 9));
        run.State.Status.ShouldBe(DossierStatus.SupplementRequested);
        run.State.Sla.Timers.ShouldBeEmpty();

        // A week later: 14 working days were left at the pause, so the appointment moves to Monday 1 June 09:00.
        var resumed = run.Do(new CompleteTask(run.Task("supplement"), "supplemented", Json.None, Applicant), May(12, 9));
        resumed.State.DueAt.ShouldBe(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)));
        resumed.Effects.OfType<ScheduleTimer>().Where(t => t.StepInstance == SlaTimer.DossierInstance)
            .Select(t => (t.Purpose, t.DueAt)).ShouldBe([(TimerPurpose.DueSoon, May(27, 9)), (TimerPurpose.Overdue, new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.FromHours(7)))]);
    }

    [Fact]
    public void A_new_appointment_is_given_once_and_at_least_one_working_day_before_the_current_one()
    {
        var run = new SlaRun().ReceivedAt(Monday);

        run.Execute(new GiveNewAppointment(May(29, 9), "Chờ ý kiến cơ quan phối hợp", Specialist), May(8, 9))
            .ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.NotAuthorized);
        var given = run.Do(new GiveNewAppointment(May(29, 9), "Chờ ý kiến cơ quan phối hợp", Leader), May(8, 9));
        given.Events.Select(e => e.Event).ShouldBe([new AppointmentRescheduled(May(25, 9), May(29, 9), "Chờ ý kiến cơ quan phối hợp")]);
        run.State.DueAt.ShouldBe(May(29, 9));
        run.State.Sla.Timers.Single(t => t is { StepInstance: 0, Purpose: TimerPurpose.Overdue }).DueAt.ShouldBe(May(29, 9));

        run.Execute(new GiveNewAppointment(new DateTimeOffset(2026, 6, 5, 9, 0, 0, TimeSpan.FromHours(7)), "again", Leader), May(11, 9))
            .ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(SlaRejections.AppointmentAlreadyRescheduled);
    }

    [Fact]
    public void A_new_appointment_less_than_one_working_day_before_the_current_one_is_too_late()
    {
        var run = new SlaRun().ReceivedAt(Monday);

        run.Execute(new GiveNewAppointment(May(29, 9), "late", Leader), May(22, 9, 1))
            .ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(SlaRejections.ApologyTooLate);
    }

    [Fact]
    public void The_apology_rung_does_nothing_once_a_new_appointment_was_given()
    {
        var run = new SlaRun().ReceivedAt(Monday);
        var appraise = run.Task("appraise");
        run.Do(new GiveNewAppointment(May(29, 9), "Chờ ý kiến", Leader), May(7, 10));

        var apology = run.Fire(appraise, TimerPurpose.Escalation, 4, May(8, 9));

        apology.Events.Select(e => e.Event).ShouldHaveSingleItem().ShouldBeOfType<EscalationRungReached>().Skipped.ShouldNotBeNull();
        apology.Effects.ShouldBeEmpty();
    }

    [Fact]
    public void Reassign_with_a_role_moves_the_task_to_that_role()
    {
        var run = new SlaRun(SlaRun.Definition.Replace("\"action\": \"reassign\" }", "\"action\": \"reassign\", \"role\": \"leader\" }", StringComparison.Ordinal)).ReceivedAt(Monday);
        var appraise = run.Task("appraise");

        var moved = run.Fire(appraise, TimerPurpose.Escalation, 2, May(7, 14, 30));

        moved.Effects.ShouldContain(new MoveTask(new TaskId(BirthRegistrationRun.Id, appraise), "leader", Actors.Commune));
        run.State.FindActive(appraise)!.Role.ShouldBe("leader");
        run.Execute(new CompleteTask(appraise, "done", Json.None, Leader), May(7, 15)).ShouldBeOfType<Accepted>();
    }
}
