using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Commands;

/// <summary>
/// The timer service reports that an SLA timer (due soon, overdue, an escalation rung) is due. Step instance 0
/// is the dossier's appointment. Refused, changing nothing, when the dossier no longer holds that timer.
/// </summary>
public sealed record SlaTimerFired(int StepInstance, TimerPurpose Purpose, int Rung, Actor Actor) : WorkflowCommand(Actor);

/// <summary>The system recomputes due instants after a working-calendar edit that concerns this dossier.</summary>
public sealed record RecomputeDeadlines(Actor Actor) : WorkflowCommand(Actor);

/// <summary>
/// A leader gives the applicant a new appointment with the form 04 apology: once per dossier, and at least one
/// working day before the current appointment.
/// </summary>
public sealed record GiveNewAppointment(DateTimeOffset NewAppointment, string Reason, Actor Actor) : WorkflowCommand(Actor);
