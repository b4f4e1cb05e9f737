using System.Collections.Immutable;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;
using Workflows.Engine.Sla;

namespace Workflows.Engine.Execution.Events;

/// <summary>A person's step is within its due-soon threshold (the warning).</summary>
public sealed record StepDueSoon(int StepInstance, StepId Step, DateTimeOffset DueAt) : WorkflowEvent;

/// <summary>A person's step passed its due instant unfinished.</summary>
public sealed record StepOverdue(int StepInstance, StepId Step, DateTimeOffset DueAt) : WorkflowEvent;

/// <summary>The dossier is within its due-soon threshold of the appointment.</summary>
public sealed record DossierDueSoon(DateTimeOffset Appointment) : WorkflowEvent;

/// <summary>The dossier passed the appointment promised to the applicant.</summary>
public sealed record DossierOverdue(DateTimeOffset Appointment) : WorkflowEvent;

/// <summary>A rung of the procedure's escalation ladder was reached for an overdue (or nearly due) step.</summary>
public sealed record EscalationRungReached(int StepInstance, StepId Step, int Rung, EscalationAction Action) : WorkflowEvent
{
    /// <summary>Why the rung's action was not carried out (e.g. the new appointment was already given).</summary>
    public string? Skipped { get; init; }
}

/// <summary>The escalation ladder took a task back from its assignee and/or handed it to another role.</summary>
public sealed record TaskReassigned(int StepInstance, UserId? PreviousAssignee, string Role, UnitId Unit) : WorkflowEvent;

public sealed record TaskPriorityRaised(int StepInstance, int Priority) : WorkflowEvent;

/// <summary>
/// A form 04 apology was drafted for the leader to send: the dossier will be late; it proposes a new appointment
/// and must be sent by <see cref="SendBy"/> (one working day before the current appointment).
/// </summary>
public sealed record ApologyDrafted(int StepInstance, DateTimeOffset Appointment, DateTimeOffset ProposedAppointment, DateTimeOffset SendBy) : WorkflowEvent;

/// <summary>The applicant was given a new appointment with the form 04 apology; it can happen once per dossier.</summary>
public sealed record AppointmentRescheduled(DateTimeOffset From, DateTimeOffset To, string Reason) : WorkflowEvent;

/// <summary>A working-calendar edit moved due instants of this running dossier.</summary>
public sealed record DeadlinesRecomputed(ImmutableArray<DueChange> Changes) : WorkflowEvent;

/// <summary>One moved due instant; step instance 0 is the dossier's appointment.</summary>
public sealed record DueChange(int StepInstance, DateTimeOffset From, DateTimeOffset To);
