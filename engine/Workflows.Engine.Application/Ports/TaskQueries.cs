using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Application.Ports;

public enum TaskState
{
    Open,
    Completed,
    Cancelled,
}

/// <summary>A row of an inbox: read from the task table, never by replaying history.</summary>
public sealed record TaskView(
    TaskId Id,
    DefinitionKey Definition,
    StepId Step,
    StepKind Kind,
    string StepName,
    string Role,
    UnitId Unit,
    TaskState State,
    DateTimeOffset CreatedAt)
{
    public UserId? Assignee { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public UserId? ClosedBy { get; init; }

    public string? Outcome { get; init; }

    /// <summary>0 is normal; each raise-priority rung of the escalation ladder adds one.</summary>
    public int Priority { get; init; }
}

/// <summary>Which tasks to list; every filter is optional and they combine with AND.</summary>
public sealed record TaskFilter
{
    public UnitId? Unit { get; init; }

    public IReadOnlyCollection<string>? Roles { get; init; }

    public UserId? Assignee { get; init; }

    public DossierId? Dossier { get; init; }

    public TaskState? State { get; init; } = TaskState.Open;

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}

public interface ITaskQueries
{
    /// <summary>Tasks ordered by priority (highest first), then due instant (soonest first, undated last), then creation.</summary>
    Task<IReadOnlyList<TaskView>> ListAsync(TaskFilter filter, CancellationToken cancellationToken);
}
