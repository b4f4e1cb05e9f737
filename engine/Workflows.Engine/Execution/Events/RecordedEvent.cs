using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Events;

/// <summary>An event as history keeps it: numbered within its dossier, stamped with when and by whom.</summary>
public sealed record RecordedEvent(long Sequence, DateTimeOffset At, UserId Actor, WorkflowEvent Event);
