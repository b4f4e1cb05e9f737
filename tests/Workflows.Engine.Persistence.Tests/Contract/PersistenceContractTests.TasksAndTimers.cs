using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using static Workflows.Engine.Persistence.Tests.Contract.Samples;

namespace Workflows.Engine.Persistence.Tests.Contract;

public abstract partial class PersistenceContractTests
{
    [Fact]
    public async Task Open_assign_and_close_effects_keep_the_task_row_in_step()
    {
        var submitted = Submitted(NewDossierId(), Commune, At(10, 8), taskDue: At(11, 17));
        var id = submitted.State.Dossier;
        var receive = new TaskId(id, 1);
        await Dossiers.SaveAsync(submitted, Ct);
        var opened = (await Tasks.ListAsync(new TaskFilter { Dossier = id }, Ct)).ShouldHaveSingleItem();
        opened.ShouldBe(new TaskView(receive, Definition, new StepId("receive"), StepKind.Task, "Tiếp nhận hồ sơ", "desk-officer", Commune, TaskState.Open, At(10, 8)) { DueAt = At(11, 17) });

        var claimed = Next(submitted.State, At(10, 9), Officer, [new TaskClaimed(1, Officer)], [new AssignTask(receive, Officer)]);
        await Dossiers.SaveAsync(claimed, Ct);
        (await Tasks.ListAsync(new TaskFilter { Dossier = id }, Ct)).ShouldHaveSingleItem().Assignee.ShouldBe(Officer);

        var completed = Next(
            claimed.State,
            At(10, 10),
            Officer,
            [new StepCompleted(1, new StepId("receive")) { Outcome = "accept" }],
            [
                new CloseTask(receive, TaskClosure.Completed, At(10, 10), Officer) { Outcome = "accept" },
                new OpenTask(new TaskId(id, 2), new StepId("appraise"), StepKind.Task, "Thẩm định hồ sơ", "specialist", Commune, At(10, 10)),
                new AssignTask(new TaskId(id, 2), new UserId("specialist-chi")),
            ]);
        await Dossiers.SaveAsync(completed, Ct);

        var all = await Tasks.ListAsync(new TaskFilter { Dossier = id, State = null }, Ct);
        all.Count.ShouldBe(2);
        var closed = all.Single(t => t.Id == receive);
        closed.State.ShouldBe(TaskState.Completed);
        closed.ClosedAt.ShouldBe(At(10, 10));
        closed.ClosedBy.ShouldBe(Officer);
        closed.Outcome.ShouldBe("accept");
        var next = all.Single(t => t.Id == new TaskId(id, 2));
        next.State.ShouldBe(TaskState.Open);
        next.Assignee.ShouldBe(new UserId("specialist-chi"));
    }

    [Fact]
    public async Task Cancelled_task_is_closed_as_cancelled_and_leaves_the_open_inbox()
    {
        var submitted = Submitted(NewDossierId(), Commune, At(10, 8));
        await Dossiers.SaveAsync(submitted, Ct);
        var task = new TaskId(submitted.State.Dossier, 1);

        await Dossiers.SaveAsync(Next(submitted.State, At(10, 9), Citizen, [new StepCancelled(1, new StepId("receive"), "withdrawn")], [new CloseTask(task, TaskClosure.Cancelled, At(10, 9), Citizen)]), Ct);

        (await Tasks.ListAsync(new TaskFilter { Dossier = task.Dossier }, Ct)).ShouldBeEmpty();
        (await Tasks.ListAsync(new TaskFilter { Dossier = task.Dossier, State = TaskState.Cancelled }, Ct)).ShouldHaveSingleItem().ClosedBy.ShouldBe(Citizen);
    }

    [Fact]
    public async Task Task_filter_combines_unit_roles_assignee_and_state_and_orders_soonest_due_first()
    {
        var other = new UnitId("xa-binh-chanh");
        var dueLast = await SubmitAsync(Commune, At(3, 8), taskDue: At(12, 17));
        var dueFirst = await SubmitAsync(Commune, At(4, 8), taskDue: At(10, 17));
        var undated = await SubmitAsync(Commune, At(1, 8), taskDue: null);
        var dueSecond = await SubmitAsync(Commune, At(5, 8), taskDue: At(11, 17));
        await SubmitAsync(other, At(1, 8), taskDue: At(2, 17));
        var claimed = await SubmitAsync(Commune, At(6, 8), taskDue: At(20, 17));
        await Dossiers.SaveAsync(Next(claimed, At(6, 9), Officer, [new TaskClaimed(1, Officer)], [new AssignTask(new TaskId(claimed.Dossier, 1), Officer)]), Ct);

        var inbox = await Tasks.ListAsync(new TaskFilter { Unit = Commune, Roles = ["desk-officer", "leader"] }, Ct);

        inbox.Select(t => t.Id.Dossier).ShouldBe([dueFirst.Dossier, dueSecond.Dossier, dueLast.Dossier, claimed.Dossier, undated.Dossier]);
        (await Tasks.ListAsync(new TaskFilter { Unit = Commune, Roles = ["desk-officer"], Skip = 1, Take = 2 }, Ct))
            .Select(t => t.Id.Dossier).ShouldBe([dueSecond.Dossier, dueLast.Dossier]);
        (await Tasks.ListAsync(new TaskFilter { Unit = Commune, Roles = ["leader"] }, Ct)).ShouldBeEmpty();
        (await Tasks.ListAsync(new TaskFilter { Unit = Commune, Roles = [] }, Ct)).ShouldBeEmpty();
        (await Tasks.ListAsync(new TaskFilter { Assignee = Officer }, Ct)).ShouldHaveSingleItem().Id.Dossier.ShouldBe(claimed.Dossier);
        (await Tasks.ListAsync(new TaskFilter { Unit = other }, Ct)).Count.ShouldBe(1);
        (await Tasks.ListAsync(new TaskFilter { Unit = Commune, State = TaskState.Completed }, Ct)).ShouldBeEmpty();
        (await Tasks.ListAsync(new TaskFilter { State = null }, Ct)).Count.ShouldBe(6);
    }

    [Fact]
    public async Task Schedule_and_cancel_effects_keep_timer_rows_and_due_timers_come_soonest_first()
    {
        var a = await SubmitAsync(Commune, At(1, 8), taskDue: null);
        var b = await SubmitAsync(Commune, At(1, 8), taskDue: null);
        var lateA = StartTimer(a, instance: 2, At(1, 9), due: At(12, 9));
        await Dossiers.SaveAsync(lateA, Ct);
        var soonA = StartTimer(lateA.State, instance: 3, At(1, 9), due: At(11, 9));
        await Dossiers.SaveAsync(soonA, Ct);
        await Dossiers.SaveAsync(StartTimer(b, instance: 2, At(1, 9), due: At(10, 9)), Ct);

        var due = await Timers.ListDueAsync(At(11, 9), take: 10, Ct);

        due.ShouldBe([new TimerRecord(b.Dossier, 2, At(10, 9), TimerPurpose.TimerStep), new TimerRecord(a.Dossier, 3, At(11, 9), TimerPurpose.TimerStep)]);
        (await Timers.ListDueAsync(At(11, 9), take: 1, Ct)).ShouldHaveSingleItem().Dossier.ShouldBe(b.Dossier);

        await Dossiers.SaveAsync(LeaveStep(soonA.State, 3, At(5, 9), new CancelTimer(a.Dossier, 3)), Ct);

        (await Timers.ListDueAsync(At(31, 0), take: 10, Ct)).Select(t => (t.Dossier, t.StepInstance)).ShouldBe([(b.Dossier, 2), (a.Dossier, 2)]);
    }

    [Fact]
    public async Task Timer_row_of_a_step_that_ended_without_a_cancel_effect_is_removed()
    {
        var dossier = await SubmitAsync(Commune, At(1, 8), taskDue: null);
        var waiting = StartTimer(dossier, instance: 2, At(1, 9), due: At(10, 9));
        await Dossiers.SaveAsync(waiting, Ct);

        // A fired timer: the step completes and the core emits no CancelTimer for it.
        await Dossiers.SaveAsync(LeaveStep(waiting.State, 2, At(10, 9)), Ct);

        (await Timers.ListDueAsync(At(31, 0), take: 10, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Instants_in_different_offsets_compare_as_the_same_instant_in_sql()
    {
        var dossier = await SubmitAsync(Commune, At(1, 8), taskDue: null);
        var due = At(10, 9); // 09:00+07:00 is 02:00 UTC.
        await Dossiers.SaveAsync(StartTimer(dossier, instance: 2, At(1, 9), due), Ct);

        (await Timers.ListDueAsync(new DateTimeOffset(2025, 3, 10, 2, 0, 0, TimeSpan.Zero), 10, Ct)).ShouldHaveSingleItem().DueAt.ShouldBe(due);
        (await Timers.ListDueAsync(new DateTimeOffset(2025, 3, 10, 1, 59, 59, TimeSpan.Zero), 10, Ct)).ShouldBeEmpty();
        (await Timers.ListDueAsync(new DateTimeOffset(2025, 3, 9, 21, 0, 0, TimeSpan.FromHours(-5)), 10, Ct)).ShouldHaveSingleItem();
        (await Timers.ListDueAsync(At(10, 8, 59), 10, Ct)).ShouldBeEmpty();
    }

    private async Task<InstanceState> SubmitAsync(UnitId unit, DateTimeOffset at, DateTimeOffset? taskDue)
    {
        var change = Submitted(NewDossierId(), unit, at, taskDue);
        await Dossiers.SaveAsync(change, Ct);
        return change.State;
    }
}
