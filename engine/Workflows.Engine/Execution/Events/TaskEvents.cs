using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Events;

public sealed record TaskDelegated(int StepInstance, UserId To) : WorkflowEvent
{
    public UserId? From { get; init; }

    public string? Note { get; init; }
}

/// <summary>A task was handed back to the step it came from; that step opens again as a new task.</summary>
public sealed record TaskReturned(int StepInstance, StepId Step, StepId To, string Reason) : WorkflowEvent;

public sealed record CommentAdded(string Text) : WorkflowEvent
{
    public int? StepInstance { get; init; }
}

/// <summary>A task's timeout passed with nobody completing it; it closed itself with <see cref="Outcome"/>.</summary>
public sealed record TaskTimedOut(int StepInstance, StepId Step, string Outcome, DateTimeOffset OpenedAt) : WorkflowEvent;
