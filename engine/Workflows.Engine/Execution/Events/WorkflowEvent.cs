using System.Text.Json.Serialization;

namespace Workflows.Engine.Execution.Events;

/// <summary>
/// A fact in a dossier's history. Append-only; the JSON "type" names are part of the stored format and of
/// the golden traces, so they never change once shipped.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(DossierSubmitted), "dossier-submitted")]
[JsonDerivedType(typeof(DossierStatusChanged), "status-changed")]
[JsonDerivedType(typeof(StepStarted), "step-started")]
[JsonDerivedType(typeof(StepCompleted), "step-completed")]
[JsonDerivedType(typeof(StepCancelled), "step-cancelled")]
[JsonDerivedType(typeof(TaskClaimed), "task-claimed")]
[JsonDerivedType(typeof(TaskReleased), "task-released")]
[JsonDerivedType(typeof(GatewayRouted), "gateway-routed")]
[JsonDerivedType(typeof(JoinWaiting), "join-waiting")]
[JsonDerivedType(typeof(DataChanged), "data-changed")]
[JsonDerivedType(typeof(DossierCompleted), "dossier-completed")]
[JsonDerivedType(typeof(ClockPaused), "clock-paused")]
[JsonDerivedType(typeof(NumberAssigned), "number-assigned")]
[JsonDerivedType(typeof(DossierMigrated), "dossier-migrated")]
[JsonDerivedType(typeof(TaskDelegated), "task-delegated")]
[JsonDerivedType(typeof(TaskReturned), "task-returned")]
[JsonDerivedType(typeof(CommentAdded), "comment-added")]
[JsonDerivedType(typeof(ClockResumed), "clock-resumed")]
[JsonDerivedType(typeof(StepDueSoon), "step-due-soon")]
[JsonDerivedType(typeof(StepOverdue), "step-overdue")]
[JsonDerivedType(typeof(DossierDueSoon), "dossier-due-soon")]
[JsonDerivedType(typeof(DossierOverdue), "dossier-overdue")]
[JsonDerivedType(typeof(EscalationRungReached), "escalation-rung-reached")]
[JsonDerivedType(typeof(TaskReassigned), "task-reassigned")]
[JsonDerivedType(typeof(TaskPriorityRaised), "task-priority-raised")]
[JsonDerivedType(typeof(ApologyDrafted), "apology-drafted")]
[JsonDerivedType(typeof(AppointmentRescheduled), "appointment-rescheduled")]
[JsonDerivedType(typeof(DeadlinesRecomputed), "deadlines-recomputed")]
[JsonDerivedType(typeof(TaskAssigned), "task-assigned")]
[JsonDerivedType(typeof(TaskTimedOut), "task-timed-out")]
[JsonDerivedType(typeof(ServiceRated), "service-rated")]
[JsonDerivedType(typeof(DocumentAttached), "document-attached")]
[JsonDerivedType(typeof(DocumentRemoved), "document-removed")]
[JsonDerivedType(typeof(SupplementWindowExpired), "supplement-window-expired")]
[JsonDerivedType(typeof(ResultSigned), "result-signed")]
[JsonDerivedType(typeof(DeadlineChanged), "deadline-changed")]
public abstract record WorkflowEvent;
