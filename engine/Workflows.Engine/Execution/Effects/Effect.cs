using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Effects;

/// <summary>
/// A request to the outer layers, carried out in the same transaction as the new state
/// (task rows, timer rows, outbox messages). The core never performs them itself.
/// </summary>
public abstract record Effect;

/// <summary>Put a task into the inboxes of <see cref="Role"/> within <see cref="Unit"/>.</summary>
public sealed record OpenTask(TaskId Task, StepId Step, StepKind Kind, string StepName, string Role, UnitId Unit, DateTimeOffset CreatedAt) : Effect
{
    public DateTimeOffset? DueAt { get; init; }
}

public sealed record AssignTask(TaskId Task, UserId? Assignee) : Effect;

/// <summary>The task now belongs to another version's step (after a migration): update what the inbox shows.</summary>
public sealed record RetargetTask(TaskId Task, DefinitionKey Definition, StepId Step, StepKind Kind, string StepName, string Role, UnitId Unit, UserId? Assignee) : Effect;

public enum TaskClosure
{
    Completed,
    Cancelled,
}

public sealed record CloseTask(TaskId Task, TaskClosure Closure, DateTimeOffset At, UserId By) : Effect
{
    public string? Outcome { get; init; }
}

public enum TimerPurpose
{
    /// <summary>A timer step's wait is over.</summary>
    TimerStep,

    /// <summary>SLA warning: the step (or, on step instance 0, the dossier) is due soon.</summary>
    DueSoon,

    /// <summary>SLA: the step (or, on step instance 0, the dossier) passed its due instant.</summary>
    Overdue,

    /// <summary>SLA: a rung of the procedure's escalation ladder (<see cref="ScheduleTimer.Rung"/>) is reached.</summary>
    Escalation,

    /// <summary>A task's own timeout (e.g. a consultation nobody answered): it closes itself with the step's timeout outcome.</summary>
    TaskTimeout,
    /// <summary>The applicant's supplement window closed: the dossier may now be stopped.</summary>
    SupplementWindow,
}

/// <summary>Deliver a <see cref="Commands.FireTimer"/> for this step instance at <see cref="DueAt"/>.</summary>
public sealed record ScheduleTimer(DossierId Dossier, int StepInstance, DateTimeOffset DueAt, TimerPurpose Purpose) : Effect
{
    /// <summary>For <see cref="TimerPurpose.Escalation"/>: the rung's index in the ladder; 0 otherwise.</summary>
    public int Rung { get; init; }
}

public sealed record CancelTimer(DossierId Dossier, int StepInstance) : Effect;

/// <summary>
/// Record that <see cref="Number"/> was taken from the register, printed as <see cref="Text"/>; the store refuses it
/// unless it is the next one, and its ledger refuses a text the register already issued.
/// </summary>
public sealed record ConsumeNumber(RegisterKey Register, long Number, string Text) : Effect;
