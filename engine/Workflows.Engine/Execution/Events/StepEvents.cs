using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Events;

/// <summary>A token reached a step. For waiting steps this opens a task or starts a timer.</summary>
public sealed record StepStarted(int StepInstance, StepId Step, StepKind Kind) : WorkflowEvent
{
    public string? Role { get; init; }

    public UnitId? Unit { get; init; }

    public DateTimeOffset? DueAt { get; init; }
}

public sealed record StepCompleted(int StepInstance, StepId Step) : WorkflowEvent
{
    public string? Outcome { get; init; }

    public string? Comment { get; init; }
}

/// <summary>A waiting step was abandoned because the dossier ended elsewhere.</summary>
public sealed record StepCancelled(int StepInstance, StepId Step, string Reason) : WorkflowEvent;

public sealed record TaskClaimed(int StepInstance, UserId Assignee) : WorkflowEvent;

public sealed record TaskReleased(int StepInstance, UserId PreviousAssignee) : WorkflowEvent;

/// <summary>A gateway chose a branch; <see cref="Reason"/> is the condition that held, or "default".</summary>
public sealed record GatewayRouted(int StepInstance, StepId Step, StepId To, string Reason) : WorkflowEvent;

/// <summary>A parallel join received a token and still waits for others.</summary>
public sealed record JoinWaiting(StepId Step, int Arrived, int Expected) : WorkflowEvent;
