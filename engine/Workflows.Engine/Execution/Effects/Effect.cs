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
}

/// <summary>Deliver a <see cref="Commands.FireTimer"/> for this step instance at <see cref="DueAt"/>.</summary>
public sealed record ScheduleTimer(DossierId Dossier, int StepInstance, DateTimeOffset DueAt, TimerPurpose Purpose) : Effect;

public sealed record CancelTimer(DossierId Dossier, int StepInstance) : Effect;

/// <summary>Record that <see cref="Number"/> was taken from the register; the store refuses it unless it is the next one.</summary>
public sealed record ConsumeNumber(RegisterKey Register, long Number) : Effect;
