using Workflows.Engine.Application.Ports;
using Workflows.Engine.Calendar;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Sla;
using static Workflows.Engine.Persistence.Tests.Contract.Samples;

namespace Workflows.Engine.Persistence.Tests.Contract;

/// <summary>SLA timer rows follow the state's pending timers; notifications land in the outbox; calendars are stored per unit and year.</summary>
public abstract partial class PersistenceContractTests
{
    protected ICalendarStore Calendars => Get<ICalendarStore>();

    protected INotificationStore Notifications => Get<INotificationStore>();

    private static DossierChange WithSlaTimers(InstanceState previous, DateTimeOffset at, params SlaTimer[] timers) =>
        Next(
            previous,
            at,
            Actor.SystemUser,
            [],
            timers.Select(t => new ScheduleTimer(previous.Dossier, t.StepInstance, t.DueAt, t.Purpose) { Rung = t.Rung }),
            s => s with { Sla = s.Sla with { Timers = s.Sla.Timers.AddRange(timers) } });

    [Fact]
    public async Task Several_sla_timers_of_one_step_are_stored_apart_and_a_fired_one_goes_with_the_change_it_caused()
    {
        var dossier = await SubmitAsync(Commune, At(1, 8), taskDue: At(4, 8));
        var soon = new SlaTimer(1, TimerPurpose.DueSoon, 0, At(3, 8));
        var overdue = new SlaTimer(1, TimerPurpose.Overdue, 0, At(4, 8));
        var rung0 = new SlaTimer(1, TimerPurpose.Escalation, 0, At(3, 8));
        var rung1 = new SlaTimer(1, TimerPurpose.Escalation, 1, At(4, 12));
        var planned = WithSlaTimers(dossier, At(1, 8), soon, overdue, rung0, rung1);
        await Dossiers.SaveAsync(planned, Ct);

        (await Timers.ListDueAsync(At(31, 0), 10, Ct)).ShouldBe(
        [
            new TimerRecord(dossier.Dossier, 1, At(3, 8), TimerPurpose.DueSoon),
            new TimerRecord(dossier.Dossier, 1, At(3, 8), TimerPurpose.Escalation),
            new TimerRecord(dossier.Dossier, 1, At(4, 8), TimerPurpose.Overdue),
            new TimerRecord(dossier.Dossier, 1, At(4, 12), TimerPurpose.Escalation) { Rung = 1 },
        ]);
        (await Timers.ListDueInstantsAsync(At(3, 8), 10, Ct)).ShouldBe([At(4, 8), At(4, 12)]);

        // The due-soon timer fires: the state drops it and the notification is written in the same change.
        var fired = Next(
            planned.State,
            At(3, 8),
            Actor.SystemUser,
            [new StepDueSoon(1, new("receive"), At(4, 8))],
            [new Notify(dossier.Dossier, 1, NotificationKind.StepDueSoon, Recipient.Group("desk-officer", Commune), "Sắp đến hạn")],
            s => s with { Sla = s.Sla with { Timers = s.Sla.Timers.Remove(soon) } });
        await Dossiers.SaveAsync(fired, Ct);

        (await Timers.CountAsync(Ct)).ShouldBe(3);
        (await Timers.ListDueAsync(At(31, 0), 10, Ct)).ShouldNotContain(t => t.Purpose == TimerPurpose.DueSoon);
        var notification = (await Notifications.ListUndispatchedAsync(10, Ct)).ShouldHaveSingleItem();
        notification.To.ShouldBe(Recipient.Group("desk-officer", Commune));
        notification.CreatedAt.ShouldBe(At(3, 8));

        // The step completes: all its SLA timers go, without any cancel effect.
        await Dossiers.SaveAsync(LeaveStep(fired.State, 1, At(3, 9)) with { State = LeaveStep(fired.State, 1, At(3, 9)).State with { Sla = SlaState.Empty } }, Ct);
        (await Timers.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task A_rescheduled_timer_moves_its_row_and_discard_removes_only_the_row_it_names()
    {
        var dossier = await SubmitAsync(Commune, At(1, 8), taskDue: At(4, 8));
        var overdue = new SlaTimer(1, TimerPurpose.Overdue, 0, At(4, 8));
        var planned = WithSlaTimers(dossier, At(1, 8), overdue);
        await Dossiers.SaveAsync(planned, Ct);

        var moved = overdue with { DueAt = At(5, 8) };
        await Dossiers.SaveAsync(
            Next(planned.State, At(2, 8), Actor.SystemUser, [], [new ScheduleTimer(dossier.Dossier, 1, At(5, 8), TimerPurpose.Overdue), new ChangeTaskDue(new TaskId(dossier.Dossier, 1), At(5, 8))], s => s with { Sla = s.Sla with { Timers = [moved] } }),
            Ct);

        var row = (await Timers.ListDueAsync(At(31, 0), 10, Ct)).ShouldHaveSingleItem();
        row.DueAt.ShouldBe(At(5, 8));
        (await Tasks.ListAsync(new TaskFilter { Dossier = dossier.Dossier }, Ct)).ShouldHaveSingleItem().DueAt.ShouldBe(At(5, 8));

        await Timers.DiscardAsync(row with { DueAt = At(4, 8) }, Ct);
        (await Timers.CountAsync(Ct)).ShouldBe(1);
        await Timers.DiscardAsync(row, Ct);
        (await Timers.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task Escalation_effects_keep_the_task_row_in_step()
    {
        var dossier = await SubmitAsync(Commune, At(1, 8), taskDue: At(4, 8));
        var task = new TaskId(dossier.Dossier, 1);
        await Dossiers.SaveAsync(Next(dossier, At(5, 8), Actor.SystemUser, [], [new SetTaskPriority(task, 2), new MoveTask(task, "leader", Commune)]), Ct);

        var row = (await Tasks.ListAsync(new TaskFilter { Dossier = dossier.Dossier }, Ct)).ShouldHaveSingleItem();
        row.Priority.ShouldBe(2);
        row.Role.ShouldBe("leader");
    }

    [Fact]
    public async Task An_inbox_lists_raised_tasks_first_then_the_soonest_due_then_undated()
    {
        var undated = await SubmitAsync(Commune, At(1, 8), taskDue: null);
        var dueThird = await SubmitAsync(Commune, At(1, 8), taskDue: At(5, 8));
        var dueFourth = await SubmitAsync(Commune, At(1, 9), taskDue: At(4, 8));
        var raisedOnce = await SubmitAsync(Commune, At(1, 10), taskDue: At(6, 8));
        var raisedTwice = await SubmitAsync(Commune, At(1, 11), taskDue: At(7, 8));
        await Dossiers.SaveAsync(Next(raisedOnce, At(6, 9), Actor.SystemUser, [], [new SetTaskPriority(new TaskId(raisedOnce.Dossier, 1), 1)]), Ct);
        await Dossiers.SaveAsync(Next(raisedTwice, At(7, 9), Actor.SystemUser, [], [new SetTaskPriority(new TaskId(raisedTwice.Dossier, 1), 2)]), Ct);

        var inbox = await Tasks.ListAsync(new TaskFilter { Unit = Commune, Roles = ["desk-officer"] }, Ct);

        inbox.Select(t => t.Id.Dossier).ShouldBe([raisedTwice.Dossier, raisedOnce.Dossier, dueFourth.Dossier, dueThird.Dossier, undated.Dossier]);
        inbox.Select(t => t.Priority).ShouldBe([2, 1, 0, 0, 0]);
        (await Tasks.ListAsync(new TaskFilter { Unit = Commune, Roles = ["desk-officer"], Skip = 1, Take = 2 }, Ct)).Select(t => t.Id.Dossier)
            .ShouldBe([raisedOnce.Dossier, dueFourth.Dossier]);
    }

    [Fact]
    public async Task A_person_sees_notifications_addressed_to_them_or_to_their_role_in_their_unit_newest_first()
    {
        var dossier = await SubmitAsync(Commune, At(1, 8), taskDue: null);
        var other = new UnitId("xa-binh-chanh");
        Notify To(Recipient recipient, string message) => new(dossier.Dossier, 1, NotificationKind.Escalation, recipient, message);
        await Dossiers.SaveAsync(
            Next(dossier, At(2, 8), Actor.SystemUser, [], [
                To(Recipient.Person(Officer), "cho tôi"),
                To(Recipient.Group("leader", Commune), "lãnh đạo xã"),
                To(Recipient.Group("leader", other), "xã khác"),
                To(Recipient.Person(Citizen), "công dân"),
            ]),
            Ct);

        var mine = await Notifications.ListForAsync(Officer, Commune, ["leader"], before: null, take: 10, Ct);
        mine.Select(n => n.Message).ShouldBe(["lãnh đạo xã", "cho tôi"]);
        (await Notifications.ListForAsync(Officer, Commune, ["leader"], before: mine[0].Id, take: 10, Ct)).ShouldHaveSingleItem().Message.ShouldBe("cho tôi");

        var backlog = await Notifications.ListUndispatchedAsync(10, Ct);
        backlog.Count.ShouldBe(4);
        await Notifications.MarkDispatchedAsync([backlog[0].Id, backlog[1].Id], At(2, 9), Ct);
        (await Notifications.ListUndispatchedAsync(10, Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_unit_year_is_stored_whole_and_replaced_by_the_next_edit()
    {
        var year = new StoredCalendarYear(
            Commune,
            2026,
            [CalendarEntry.Closure(new DateOnly(2026, 9, 10), "Bão số 5"), CalendarEntry.MakeUpWorkingDay(new DateOnly(2026, 9, 12), "Làm bù")],
            [new DateOnly(2026, 9, 1)]);
        await Calendars.SaveYearAsync(new CalendarYearEdit(year, [OfficeInterval.Parse("07:00-11:00"), OfficeInterval.Parse("13:30-17:30")], Officer, At(1, 8)), Ct);

        var stored = await Calendars.LoadAsync(Ct);
        var loaded = stored.Years.ShouldHaveSingleItem();
        loaded.Entries.ShouldBe(year.Entries);
        loaded.RemovedDates.ShouldBe(year.RemovedDates);
        loaded.UpdatedBy.ShouldBe(Officer);
        stored.OfficeHours[Commune].ShouldBe([OfficeInterval.Parse("07:00-11:00"), OfficeInterval.Parse("13:30-17:30")]);

        await Calendars.SaveYearAsync(new CalendarYearEdit(year with { Entries = [], RemovedDates = [] }, null, Officer, At(2, 8)), Ct);
        stored = await Calendars.LoadAsync(Ct);
        stored.Years.ShouldHaveSingleItem().Entries.ShouldBeEmpty();
        stored.OfficeHours.ShouldContainKey(Commune);
    }

    [Fact]
    public async Task Running_dossiers_of_a_unit_include_those_with_an_open_task_there()
    {
        var own = await SubmitAsync(Commune, At(1, 8), taskDue: null);
        var elsewhere = await SubmitAsync(new UnitId("xa-binh-chanh"), At(1, 8), taskDue: null);
        var consulted = await SubmitAsync(new UnitId("xa-khac"), At(1, 8), taskDue: null);
        await Dossiers.SaveAsync(Next(consulted, At(2, 8), Officer, [], [new MoveTask(new TaskId(consulted.Dossier, 1), "police", Commune)]), Ct);

        var running = await Calendars.ListRunningDossiersAsync([Commune], Ct);

        running.ShouldBe(new[] { own.Dossier, consulted.Dossier }.OrderBy(d => d.Value).ToList());
        running.ShouldNotContain(elsewhere.Dossier);
    }
}
