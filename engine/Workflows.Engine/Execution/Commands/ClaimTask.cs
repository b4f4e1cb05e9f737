using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Commands;

/// <summary>An official takes a task from the group inbox so colleagues see it is being worked.</summary>
public sealed record ClaimTask(int StepInstance, Actor Actor) : WorkflowCommand(Actor);

/// <summary>The assignee gives a claimed task back to the group inbox.</summary>
public sealed record ReleaseTask(int StepInstance, Actor Actor) : WorkflowCommand(Actor);
