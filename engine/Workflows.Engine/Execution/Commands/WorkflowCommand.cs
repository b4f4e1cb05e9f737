using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Commands;

/// <summary>Something a person or the system asks of a dossier. Every command knows who issued it.</summary>
public abstract record WorkflowCommand(Actor Actor);
