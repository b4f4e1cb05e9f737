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
                    var moved = await FindTaskAsync(db, retarget.Task, cancellationToken);
                    moved.DefinitionVersion = retarget.Definition.Version;
                    moved.StepId = retarget.Step.Value;
                    moved.StepName = retarget.StepName;
                    moved.Kind = retarget.Kind;
                    moved.Role = retarget.Role;
                    moved.UnitId = retarget.Unit.Value;
                    moved.Assignee = retarget.Assignee?.Value;
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
                    db.Timers.Add(new TimerRow
                    {
                        DossierId = schedule.Dossier.Value,
                        StepInstance = schedule.StepInstance,
                        DueAt = schedule.DueAt,
                        Purpose = schedule.Purpose,
                        CreatedAt = state.FindActive(schedule.StepInstance)?.Bookmark.CreatedAt ?? DossierRows.ChangedAt(change),
                    });
                    break;
                case CancelTimer cancel:
                    // Already gone is fine: the timer may have been removed when its step stopped being active.
                    if (await db.Timers.FindAsync([cancel.Dossier.Value, cancel.StepInstance], cancellationToken) is { } timer)
                    {
                        db.Timers.Remove(timer);
                    }

                    break;
                case ConsumeNumber consume:
                    await EfRegisterStore.ConsumeAsync(db, consume, cancellationToken);
                    break;
                default:
                    // Effects for other layers (notifications, outbox) are not rows here.
                    break;
            }
        }
    }

    /// <summary>
    /// A fired timer has no cancel effect (its step simply completed), so after the effects every timer row
    /// of this dossier whose step is no longer an active timer is deleted: a row exists exactly while its
    /// step waits.
    /// </summary>
    public static async Task RemoveInactiveTimersAsync(WorkflowsDbContext db, InstanceState state, CancellationToken cancellationToken)
    {
        var active = state.ActiveSteps.Where(s => s.Bookmark.Kind == BookmarkKind.Timer).Select(s => s.Instance).ToArray();
        await db.Timers
            .Where(t => t.DossierId == state.Dossier.Value && !active.Contains(t.StepInstance))
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static async Task<TaskRow> FindTaskAsync(WorkflowsDbContext db, TaskId task, CancellationToken cancellationToken) =>
        await db.Tasks.FindAsync([task.Dossier.Value, task.StepInstance], cancellationToken)
        ?? throw new InvalidOperationException($"Task {task} has no row: an effect names a task that was never opened.");
}
