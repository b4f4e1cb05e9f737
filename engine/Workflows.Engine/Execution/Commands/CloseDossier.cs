using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Commands;

/// <summary>The applicant withdraws the dossier before its result is ready.</summary>
public sealed record WithdrawDossier(string Reason, Actor Actor) : WorkflowCommand(Actor);

/// <summary>An authorized official of the competent unit stops the dossier, with a reason the applicant will read.</summary>
public sealed record StopDossier(string Reason, Actor Actor) : WorkflowCommand(Actor);
