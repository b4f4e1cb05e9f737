using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Commands;

/// <summary>Hands a task to a colleague with a note; the colleague must hold the step's role in its unit.</summary>
/// <param name="Delegate">The colleague, as the directory knows them (the core checks their role and unit).</param>
public sealed record DelegateTask(int StepInstance, Actor Delegate, string? Note, Actor Actor) : WorkflowCommand(Actor);

/// <summary>Sends the dossier back to the person's step that handed it over, with the reason.</summary>
public sealed record ReturnTask(int StepInstance, string Reason, Actor Actor) : WorkflowCommand(Actor);

/// <summary>A comment on the dossier, optionally on one of its tasks; kept in history.</summary>
public sealed record AddComment(int? StepInstance, string Text, Actor Actor) : WorkflowCommand(Actor);
