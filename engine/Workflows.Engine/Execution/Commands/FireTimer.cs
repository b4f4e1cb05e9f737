using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Commands;

/// <summary>The timer service reports that a timer step's due instant has passed.</summary>
public sealed record FireTimer(int StepInstance, Actor Actor) : WorkflowCommand(Actor);
