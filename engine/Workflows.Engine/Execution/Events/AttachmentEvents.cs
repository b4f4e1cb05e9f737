using Workflows.Engine.Documents;

namespace Workflows.Engine.Execution.Events;

/// <summary>A file was attached to the dossier (a checklist component, or "other"), possibly on one of its tasks.</summary>
public sealed record DocumentAttached(Attachment Attachment) : WorkflowEvent;

/// <summary>An attachment was taken off the dossier (a wrong scan replaced); its content stays in the store for history.</summary>
public sealed record DocumentRemoved(string Id, string Component, string FileName) : WorkflowEvent;

/// <summary>The applicant did not supplement within the procedure's window; the dossier may now be stopped.</summary>
public sealed record SupplementWindowExpired(int StepInstance, DateTimeOffset Deadline) : WorkflowEvent;
