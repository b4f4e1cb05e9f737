using Workflows.Engine.Documents;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Commands;

/// <summary>
/// Attach a stored file to the dossier. The applicant may while the dossier waits for them (new, supplement
/// requested); an official may while they can work one of its open tasks (named by <paramref name="StepInstance"/>, or any).
/// </summary>
public sealed record AttachDocument(Attachment Attachment, int? StepInstance, Actor Actor) : WorkflowCommand(Actor);

/// <summary>Take an attachment off the dossier; the same people who may attach may remove.</summary>
public sealed record RemoveAttachment(string AttachmentId, Actor Actor) : WorkflowCommand(Actor);
