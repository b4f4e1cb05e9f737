using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

/// <summary>
/// Carries out the core's effects as task and timer rows inside the dossier's transaction, so the inbox and
/// the timer table can never disagree with the state they came from. Nothing is read: changed rows are
/// written by key (a key-only stub with only the changed columns marked), and which timer rows exist is known
/// from the state the change was decided on (<see cref="DossierChange.Previous"/>). A row that should exist
/// and does not fails the save (rows affected 0), see <see cref="StaleRowException"/>.
/// </summary>
internal static class DossierEffects
{
    public static async Task ApplyAsync(WorkflowsDbContext db, DossierChange change, TimerRows timers, CancellationToken cancellationToken)
    {
        var state = change.State;
        foreach (var effect in change.Effects)
        {
            switch (effect)
            {
                case OpenTask open:
                    db.Tasks.Add(new TaskRow
                    {
                        DossierId = open.Task.Dossier.Value,
                        StepInstance = open.Task.StepInstance,
                        ProcedureId = state.Definition.Procedure.Value,
                        DefinitionVersion = state.Definition.Version,
                        StepId = open.Step.Value,
                        StepName = open.StepName,
                        Kind = open.Kind,
                        Role = open.Role,
                        UnitId = open.Unit.Value,
                        State = TaskState.Open,
                        CreatedAt = open.CreatedAt,
                        DueAt = open.DueAt,
                    });
                    break;
                case RetargetTask retarget:
                    UpdateTask(db, retarget.Task, t =>
                    {
                        t.DefinitionVersion = retarget.Definition.Version;
                        t.StepId = retarget.Step.Value;
                        t.StepName = retarget.StepName;
                        t.Kind = retarget.Kind;
                        t.Role = retarget.Role;
                        t.UnitId = retarget.Unit.Value;
                        t.Assignee = retarget.Assignee?.Value;
                    }, nameof(TaskRow.DefinitionVersion), nameof(TaskRow.StepId), nameof(TaskRow.StepName), nameof(TaskRow.Kind), nameof(TaskRow.Role), nameof(TaskRow.UnitId), nameof(TaskRow.Assignee));
                    break;
                case AssignTask assign:
                    UpdateTask(db, assign.Task, t => t.Assignee = assign.Assignee?.Value, nameof(TaskRow.Assignee));
                    break;
                case CloseTask close:
                    UpdateTask(db, close.Task, t =>
                    {
                        t.State = close.Closure == TaskClosure.Completed ? TaskState.Completed : TaskState.Cancelled;
                        t.ClosedAt = close.At;
                        t.ClosedBy = close.By.Value;
                        t.Outcome = close.Outcome;
                    }, nameof(TaskRow.State), nameof(TaskRow.ClosedAt), nameof(TaskRow.ClosedBy), nameof(TaskRow.Outcome));
                    break;
                case ScheduleTimer schedule:
                    await ScheduleAsync(db, change, schedule, timers, cancellationToken);
                    break;
                case CancelTimer cancel:
                    // Already gone is fine: the timer may have been removed when its step stopped being active.
                    foreach (var entry in await timers.OfStepAsync(db, cancel.Dossier.Value, cancel.StepInstance, cancellationToken))
                    {
                        Delete(entry);
                    }

                    break;
                case ConsumeNumber consume:
                    EfRegisterStore.Consume(db, consume, state.Dossier, DossierRows.ChangedAt(change));
                    break;
                case AdvanceAssignmentCursor advance:
                    EfAssignmentPools.Advance(db, advance);
                    break;
                case Notify notify:
                    db.Notifications.Add(NotificationRow.From(notify, DossierRows.ChangedAt(change)));
                    break;
                case SetTaskPriority priority:
                    UpdateTask(db, priority.Task, t => t.Priority = priority.Priority, nameof(TaskRow.Priority));
                    break;
                case MoveTask move:
                    UpdateTask(db, move.Task, t =>
                    {
                        t.Role = move.Role;
                        t.UnitId = move.Unit.Value;
                        t.Assignee = null;
                    }, nameof(TaskRow.Role), nameof(TaskRow.UnitId), nameof(TaskRow.Assignee));
                    break;
                case ChangeTaskDue due:
                    UpdateTask(db, due.Task, t => t.DueAt = due.DueAt, nameof(TaskRow.DueAt));
                    break;
                default:
                    // Effects for other layers (notifications, outbox) are not rows here.
                    break;
            }
        }
    }

    /// <summary>
    /// A fired timer has no cancel effect (its step simply completed, or the SLA timer left the state), so after
    /// the effects every timer row of this dossier that the state no longer holds is deleted: a row exists
    /// exactly while its step waits or its SLA timer is pending. This is what makes a fired timer's row go in
    /// the same transaction as the change it caused. Staged only; the write (StagedRowWriter) writes it.
    /// </summary>
    public static async Task RemoveInactiveTimersAsync(WorkflowsDbContext db, DossierChange change, TimerRows timers, CancellationToken cancellationToken)
    {
        var held = Held(change.State);
        foreach (var entry in await timers.OfDossierAsync(db, change.State.Dossier.Value, cancellationToken))
        {
            if (entry.State != EntityState.Deleted && entry.State != EntityState.Detached && !held.Contains(KeyOf(entry.Entity)))
            {
                Delete(entry);
            }
        }
    }

    /// <summary>The timer rows a state implies: its waiting timer steps and its pending SLA timers.</summary>
    public static HashSet<(int StepInstance, TimerPurpose Purpose, int Rung)> Held(InstanceState state) =>
        [.. state.ActiveSteps.Where(s => s.Bookmark.Kind == BookmarkKind.Timer).Select(s => (s.Instance, TimerPurpose.TimerStep, 0))
            .Concat(state.Sla.Timers.Select(t => (t.StepInstance, t.Purpose, t.Rung)))];

    private static (int, TimerPurpose, int) KeyOf(TimerRow row) => (row.StepInstance, row.Purpose, row.Rung);

    private static async Task ScheduleAsync(WorkflowsDbContext db, DossierChange change, ScheduleTimer schedule, TimerRows timers, CancellationToken cancellationToken)
    {
        // A recomputed due instant re-schedules a timer that already has a row: move it.
        var key = (schedule.StepInstance, schedule.Purpose, schedule.Rung);
        if (await timers.FindAsync(db, schedule.Dossier.Value, key, cancellationToken) is { } existing)
        {
            if (existing.State == EntityState.Deleted)
            {
                existing.State = EntityState.Unchanged; // cancelled and scheduled again in one change: the row stays
            }

            existing.Entity.DueAt = schedule.DueAt;
            if (existing.State != EntityState.Added)
            {
                existing.Property(t => t.DueAt).IsModified = true;
            }

            return;
        }

        db.Timers.Add(new TimerRow
        {
            DossierId = schedule.Dossier.Value,
            StepInstance = schedule.StepInstance,
            DueAt = schedule.DueAt,
            Purpose = schedule.Purpose,
            Rung = schedule.Rung,
            CreatedAt = change.State.FindActive(schedule.StepInstance)?.Bookmark.CreatedAt ?? DossierRows.ChangedAt(change),
        });
    }

    private static void Delete(EntityEntry<TimerRow> entry)
    {
        // A row added by this very change was never written: forget it rather than delete it.
        entry.State = entry.State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
    }

    /// <summary>
    /// Changes a task row by key without reading it: the row this change already tracks (opened or changed by an
    /// earlier effect), or a key-only stub whose named columns are written. A stub whose row is missing makes
    /// the UPDATE affect no row, which fails the save (<see cref="StaleRowException"/>).
    /// </summary>
    private static void UpdateTask(WorkflowsDbContext db, TaskId task, Action<TaskRow> change, params string[] columns)
    {
        var entry = db.Tasks.Local.FindEntryUntyped([task.Dossier.Value, task.StepInstance]) ?? db.Tasks.Attach(TaskStub(task));
        change(entry.Entity);
        if (entry.State != EntityState.Added)
        {
            foreach (var column in columns)
            {
                entry.Property(column).IsModified = true;
            }
        }
    }

    private static TaskRow TaskStub(TaskId task) => new()
    {
        DossierId = task.Dossier.Value,
        StepInstance = task.StepInstance,
        ProcedureId = "",
        StepId = "",
        StepName = "",
        Role = "",
        UnitId = "",
    };
}
