using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

/// <summary>
/// Carries out the core's effects as task and timer rows inside the dossier's transaction, so the inbox and
/// the timer table can never disagree with the state they came from.
/// </summary>
internal static class DossierEffects
{
    public static async Task ApplyAsync(WorkflowsDbContext db, DossierChange change, CancellationToken cancellationToken)
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
                    var retargeted = await FindTaskAsync(db, retarget.Task, cancellationToken);
                    retargeted.DefinitionVersion = retarget.Definition.Version;
                    retargeted.StepId = retarget.Step.Value;
                    retargeted.StepName = retarget.StepName;
                    retargeted.Kind = retarget.Kind;
                    retargeted.Role = retarget.Role;
                    retargeted.UnitId = retarget.Unit.Value;
                    retargeted.Assignee = retarget.Assignee?.Value;
                    break;
                case AssignTask assign:
                    (await FindTaskAsync(db, assign.Task, cancellationToken)).Assignee = assign.Assignee?.Value;
                    break;
                case CloseTask close:
                    var task = await FindTaskAsync(db, close.Task, cancellationToken);
                    task.State = close.Closure == TaskClosure.Completed ? TaskState.Completed : TaskState.Cancelled;
                    task.ClosedAt = close.At;
                    task.ClosedBy = close.By.Value;
                    task.Outcome = close.Outcome;
                    break;
                case ScheduleTimer schedule:
                    // A recomputed due instant re-schedules a timer that already has a row: move it.
                    if (await db.Timers.FindAsync([schedule.Dossier.Value, schedule.StepInstance, schedule.Purpose, schedule.Rung], cancellationToken) is { } existing)
                    {
                        existing.DueAt = schedule.DueAt;
                        break;
                    }

                    db.Timers.Add(new TimerRow
                    {
                        DossierId = schedule.Dossier.Value,
                        StepInstance = schedule.StepInstance,
                        DueAt = schedule.DueAt,
                        Purpose = schedule.Purpose,
                        Rung = schedule.Rung,
                        CreatedAt = state.FindActive(schedule.StepInstance)?.Bookmark.CreatedAt ?? DossierRows.ChangedAt(change),
                    });
                    break;
                case CancelTimer cancel:
                    // Already gone is fine: the timer may have been removed when its step stopped being active.
                    foreach (var timer in await db.Timers.Where(t => t.DossierId == cancel.Dossier.Value && t.StepInstance == cancel.StepInstance).ToListAsync(cancellationToken))
                    {
                        db.Timers.Remove(timer);
                    }

                    break;
                case ConsumeNumber consume:
                    await EfRegisterStore.ConsumeAsync(db, consume, cancellationToken);
                    break;
                case AdvanceAssignmentCursor advance:
                    await EfAssignmentPools.AdvanceAsync(db, advance, cancellationToken);
                    break;
                case Notify notify:
                    db.Notifications.Add(NotificationRow.From(notify, DossierRows.ChangedAt(change)));
                    break;
                case SetTaskPriority priority:
                    (await FindTaskAsync(db, priority.Task, cancellationToken)).Priority = priority.Priority;
                    break;
                case MoveTask move:
                    var moved = await FindTaskAsync(db, move.Task, cancellationToken);
                    moved.Role = move.Role;
                    moved.UnitId = move.Unit.Value;
                    moved.Assignee = null;
                    break;
                case ChangeTaskDue due:
                    (await FindTaskAsync(db, due.Task, cancellationToken)).DueAt = due.DueAt;
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
    /// the same transaction as the change it caused.
    /// </summary>
    public static async Task RemoveInactiveTimersAsync(WorkflowsDbContext db, IReadOnlyList<InstanceState> states, CancellationToken cancellationToken)
    {
        var held = states
            .SelectMany(state => state.ActiveSteps.Where(s => s.Bookmark.Kind == BookmarkKind.Timer).Select(s => (state.Dossier.Value, s.Instance, TimerPurpose.TimerStep, 0))
                .Concat(state.Sla.Timers.Select(t => (state.Dossier.Value, t.StepInstance, t.Purpose, t.Rung))))
            .ToHashSet();
        var dossiers = states.Select(s => s.Dossier.Value).Distinct().ToList();

        // One read for the whole batch; a single dossier keeps its plain equality (the index's best case).
        var rows = dossiers.Count == 1
            ? await db.Timers.Where(t => t.DossierId == dossiers[0]).ToListAsync(cancellationToken)
            : await db.Timers.Where(t => dossiers.Contains(t.DossierId)).ToListAsync(cancellationToken);
        db.Timers.RemoveRange(rows.Where(r => !held.Contains((r.DossierId, r.StepInstance, r.Purpose, r.Rung))));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<TaskRow> FindTaskAsync(WorkflowsDbContext db, TaskId task, CancellationToken cancellationToken) =>
        await db.Tasks.FindAsync([task.Dossier.Value, task.StepInstance], cancellationToken)
        ?? throw new InvalidOperationException($"Task {task} has no row: an effect names a task that was never opened.");
}
