using System.Collections.Immutable;
using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Sla;
using Workflows.Engine.Validation;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Execution;

/// <summary>
/// SLA timers, escalation and appointments. Timers are bookmarks in <see cref="SlaState.Timers"/>: firing one
/// removes it, so a second delivery, or one for a step that moved on, is refused and changes nothing.
/// </summary>
internal sealed partial class ExecutionRun
{
    private SlaState sla = state.Sla;

    private SlaPolicy Policy => procedure.Definition.Sla;

    /// <summary>A person's step opened with a due instant: warn before it, mark it overdue, run the ladder after it.</summary>
    private void PlanStepTimers(ActiveStep step)
    {
        if (step.DueAt is not { } due || step.Role == DefinitionValidator.ApplicantRole)
        {
            return; // no budget, or the applicant's own step (the clock is paused meanwhile)
        }

        Schedule(SlaPlanner.ForStep(Policy, calendars.For(step.Unit ?? state.Unit), step.Instance, now, due));
    }

    public Rejection? FireSlaTimer(int stepInstance, TimerPurpose purpose, int rung)
    {
        if (!actor.IsSystem)
        {
            return new Rejection(RejectionCodes.NotAuthorized, "SLA timers are fired by the timer service only.");
        }

        var timer = sla.Timers.Find(t => t.Matches(stepInstance, purpose, rung));
        if (timer is null)
        {
            return new Rejection(RejectionCodes.NotATimer, $"The dossier holds no {KebabCase.Name(purpose)} timer {rung} for step instance {stepInstance}: the step moved on or the timer already fired.");
        }

        if (timer.DueAt > now)
        {
            return new Rejection(SlaRejections.TimerNotDue, $"The {KebabCase.Name(purpose)} timer of step instance {stepInstance} is due at {timer.DueAt:O}, not yet.");
        }

        sla = sla with { Timers = sla.Timers.Remove(timer) };
        if (stepInstance == SlaTimer.DossierInstance)
        {
            DossierTimerFired(timer);
            return null;
        }

        var step = active.Find(s => s.Instance == stepInstance)!;
        var name = procedure.Step(step.Step).Name;
        switch (purpose)
        {
            case TimerPurpose.DueSoon:
                events.Add(new StepDueSoon(stepInstance, step.Step, step.DueAt!.Value));
                NotifyAbout(step, NotificationKind.StepDueSoon, $"'{name}' is due soon, at {step.DueAt:yyyy-MM-dd HH:mm}.");
                break;
            case TimerPurpose.Overdue:
                events.Add(new StepOverdue(stepInstance, step.Step, step.DueAt!.Value));
                NotifyAbout(step, NotificationKind.StepOverdue, $"'{name}' is overdue: it was due at {step.DueAt:yyyy-MM-dd HH:mm}.");
                break;
            case TimerPurpose.TaskTimeout:
                return TimeOut(step);
            case TimerPurpose.SupplementWindow:
                SupplementWindowClosed(step);
                break;
            default:
                Escalate(step, rung, Policy.Escalation[rung]);
                break;
        }

        return null;
    }

    private void DossierTimerFired(SlaTimer timer)
    {
        var appointment = dueAt!.Value;
        var leaders = Recipient.Group(Policy.LeaderRole, state.Unit);
        if (timer.Purpose == TimerPurpose.DueSoon)
        {
            events.Add(new DossierDueSoon(appointment));
            effects.Add(new Notify(state.Dossier, 0, NotificationKind.DossierDueSoon, leaders, $"Dossier {state.Dossier} is due soon: the appointment is {appointment:yyyy-MM-dd HH:mm}."));
        }
        else
        {
            events.Add(new DossierOverdue(appointment));
            effects.Add(new Notify(state.Dossier, 0, NotificationKind.DossierOverdue, leaders, $"Dossier {state.Dossier} is overdue: the appointment was {appointment:yyyy-MM-dd HH:mm}."));
        }
    }

    private void Escalate(ActiveStep step, int rung, EscalationRung what)
    {
        var reached = new EscalationRungReached(step.Instance, step.Step, rung, what.Action);
        var task = new TaskId(state.Dossier, step.Instance);
        var unit = step.Unit ?? state.Unit;
        var name = procedure.Step(step.Step).Name;
        switch (what.Action)
        {
            case EscalationAction.NotifyAssignee:
                events.Add(reached);
                NotifyAbout(step, NotificationKind.Escalation, $"Reminder: '{name}' was due at {step.DueAt:yyyy-MM-dd HH:mm}.");
                break;
            case EscalationAction.NotifyUnitLeader:
                events.Add(reached);
                effects.Add(new Notify(state.Dossier, step.Instance, NotificationKind.Escalation, Recipient.Group(what.Role ?? Policy.LeaderRole, unit), $"'{name}' of dossier {state.Dossier} was due at {step.DueAt:yyyy-MM-dd HH:mm}{(step.Assignee is { } a ? $" and is with '{a}'" : " and nobody has claimed it")}."));
                break;
            case EscalationAction.Reassign:
                var role = what.Role ?? step.Role!;
                if (step.Assignee is null && role == step.Role)
                {
                    events.Add(reached with { Skipped = "Nobody has claimed the task; it is already in its group inbox." });
                    break;
                }

                events.Add(reached);
                Replace(step, step with { Assignee = null, Role = role, Bookmark = step.Bookmark with { MatchKey = $"role:{role}@{unit}" } });
                events.Add(new TaskReassigned(step.Instance, step.Assignee, role, unit));
                if (step.Assignee is not null)
                {
                    effects.Add(new AssignTask(task, null));
                }

                if (role != step.Role)
                {
                    effects.Add(new MoveTask(task, role, unit));
                }

                effects.Add(new Notify(state.Dossier, step.Instance, NotificationKind.TaskReassigned, Recipient.Group(role, unit), $"'{name}' of dossier {state.Dossier} is overdue and back in your group inbox: claim it."));
                break;
            case EscalationAction.RaisePriority:
                events.Add(reached);
                Replace(step, step with { Priority = step.Priority + 1 });
                events.Add(new TaskPriorityRaised(step.Instance, step.Priority + 1));
                effects.Add(new SetTaskPriority(task, step.Priority + 1));
                break;
            case EscalationAction.DraftApology:
                DraftApology(step, reached);
                break;
            default:
                throw new InvalidOperationException($"Escalation action {what.Action} is not handled.");
        }
    }

    private void DraftApology(ActiveStep step, EscalationRungReached reached)
    {
        if (sla.NewAppointmentGivenAt is not null)
        {
            events.Add(reached with { Skipped = "A new appointment was already given; the law allows it only once." });
            return;
        }

        if (dueAt is not { } appointment || clockPausedAt is not null)
        {
            events.Add(reached with { Skipped = "The dossier's clock is not running, so there is no appointment to move." });
            return;
        }

        // Propose moving the appointment by the step's overrun so far, in whole working days (at least one).
        var day = TimeSpan.FromTicks(SlaPlanner.Ticks(WorkingDuration.WorkingDays(1), calendar));
        var overrun = calendar.WorkingTimeBetween(step.DueAt ?? now, now);
        var days = Math.Max(1, (long)Math.Ceiling(overrun / day));
        var proposed = calendar.AddWorkingTime(appointment, day * days);
        var clockStart = sla.ClockStartedAt ?? receivedAt ?? now;
        var sendBy = SlaPlanner.At(calendar, clockStart, appointment, new WorkingOffset(true, WorkingDuration.WorkingDays(1))) is { } latest && latest > now ? latest : now;
        events.Add(reached);
        events.Add(new ApologyDrafted(step.Instance, appointment, proposed, sendBy));
        effects.Add(new Notify(state.Dossier, step.Instance, NotificationKind.ApologyDrafted, Recipient.Group(Policy.LeaderRole, state.Unit), $"Dossier {state.Dossier} will be late: an apology (form 04) proposing {proposed:yyyy-MM-dd HH:mm} is drafted; send it by {sendBy:yyyy-MM-dd HH:mm}."));
    }

    public Rejection? GiveNewAppointment(DateTimeOffset to, string reason)
    {
        if (actor.IsSystem || actor.Unit != state.Unit || !actor.HasRole(Policy.LeaderRole))
        {
            return new Rejection(RejectionCodes.NotAuthorized, $"A new appointment is given by the leader (role '{Policy.LeaderRole}') of unit '{state.Unit}'.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Rejection(RejectionCodes.InvalidData, "Say why: the apology (form 04) tells the applicant the reason for the delay.");
        }

        if (sla.NewAppointmentGivenAt is { } given)
        {
            return new Rejection(SlaRejections.AppointmentAlreadyRescheduled, $"A new appointment was already given on {given:yyyy-MM-dd}; the law allows it only once.");
        }

        if (dueAt is not { } appointment || clockPausedAt is not null)
        {
            return new Rejection(SlaRejections.ClockNotRunning, "The dossier has no running appointment to move (not received yet, or waiting for the applicant).");
        }

        if (to <= appointment)
        {
            return new Rejection(RejectionCodes.InvalidData, $"The new appointment must be later than the current one ({appointment:yyyy-MM-dd HH:mm}).");
        }

        var day = TimeSpan.FromTicks(SlaPlanner.Ticks(WorkingDuration.WorkingDays(1), calendar));
        if (calendar.WorkingTimeBetween(now, appointment) < day)
        {
            return new Rejection(SlaRejections.ApologyTooLate, $"The apology must reach the applicant at least one working day before the appointment ({appointment:yyyy-MM-dd HH:mm}); that moment has passed.");
        }

        events.Add(new AppointmentRescheduled(appointment, to, reason.Trim()));
        sla = sla with { NewAppointmentGivenAt = now, OriginalAppointment = sla.OriginalAppointment ?? appointment };
        dueAt = to;
        return null;
    }

    /// <summary>A calendar edit: due instants of open steps, timer steps and the appointment are measured again.</summary>
    public Rejection? RecomputeDeadlines()
    {
        if (!actor.IsSystem)
        {
            return new Rejection(RejectionCodes.NotAuthorized, "Deadlines are recomputed by the system after a calendar edit.");
        }

        var changes = ImmutableArray.CreateBuilder<DueChange>();
        foreach (var step in active.OrderBy(s => s.Instance).ToList())
        {
            var definition = procedure.Step(step.Step);
            var unitCalendar = calendars.For(step.Unit ?? state.Unit);
            var newDue = step.Kind == StepKind.Timer
                ? calendar.Add(step.StartedAt, definition.Wait!.Value)
                : definition.Budget is { } budget ? unitCalendar.Add(step.StartedAt, budget) : (DateTimeOffset?)null;
            if (newDue is not { } due || step.DueAt is not { } old || due == old)
            {
                continue;
            }

            changes.Add(new DueChange(step.Instance, old, due));
            Replace(step, step with { DueAt = due, Bookmark = step.Bookmark with { DueAt = due } });
            if (step.Kind == StepKind.Timer)
            {
                effects.Add(new ScheduleTimer(state.Dossier, step.Instance, due, TimerPurpose.TimerStep));
                continue;
            }

            effects.Add(new ChangeTaskDue(new TaskId(state.Dossier, step.Instance), due));

            // Timers still pending move with the due instant; fired ones come back only if they are in the future again.
            var pending = sla.Timers.Where(t => t.StepInstance == step.Instance).Select(t => (t.Purpose, t.Rung)).ToHashSet();
            var plan = SlaPlanner.ForStep(Policy, unitCalendar, step.Instance, step.StartedAt, due)
                .Where(t => pending.Contains((t.Purpose, t.Rung)) || t.DueAt > now);
            sla = sla with { Timers = sla.Timers.RemoveAll(t => t.StepInstance == step.Instance && t.Purpose != TimerPurpose.TaskTimeout) };
            Schedule(plan);
        }

        if (dueAt is { } appointment && clockPausedAt is null && sla.NewAppointmentGivenAt is null && AppliedDeadline is { } deadline)
        {
            var sameDay = deadline.Unit == WorkingDurationUnit.SameDay && sla.ClockStartedAt == receivedAt;
            var recomputed = sameDay || sla.ClockStartedAt is null || sla.ClockBudget is null
                ? calendar.Add(receivedAt ?? now, deadline)
                : calendar.AddWorkingTime(sla.ClockStartedAt.Value, sla.ClockBudget.Value);
            if (recomputed != appointment)
            {
                changes.Add(new DueChange(SlaTimer.DossierInstance, appointment, recomputed));
                dueAt = recomputed;
            }
        }

        if (changes.Count > 0)
        {
            events.Add(new DeadlinesRecomputed(changes.ToImmutable()));
        }

        return null;
    }

    /// <summary>
    /// Called by <see cref="Finish"/>: drops the timers of steps that are no longer active, and (re)plans the
    /// dossier-level timers whenever the appointment changed or the clock started or resumed.
    /// </summary>
    private SlaState CompleteSla()
    {
        var stillActive = active.Select(s => s.Instance).ToHashSet();
        var timers = sla.Timers.RemoveAll(t => t.StepInstance != SlaTimer.DossierInstance && !stillActive.Contains(t.StepInstance));
        var running = dueAt is not null && clockPausedAt is null && completedAt is null;
        if (!running)
        {
            return sla with { Timers = timers.RemoveAll(t => t.StepInstance == SlaTimer.DossierInstance), PlannedFor = null };
        }

        if (sla.PlannedFor == dueAt)
        {
            return sla with { Timers = timers };
        }

        var appointment = dueAt!.Value;
        sla = sla with
        {
            Timers = timers.RemoveAll(t => t.StepInstance == SlaTimer.DossierInstance),
            PlannedFor = appointment,
            ClockStartedAt = now,
            ClockBudget = calendar.WorkingTimeBetween(now, appointment),
            OriginalAppointment = sla.OriginalAppointment ?? appointment,
        };
        Schedule(SlaPlanner.ForDossier(Policy, calendar, now, appointment));
        return sla;
    }

    private void Schedule(IEnumerable<SlaTimer> timers)
    {
        foreach (var timer in timers)
        {
            sla = sla with { Timers = sla.Timers.Add(timer) };
            effects.Add(new ScheduleTimer(state.Dossier, timer.StepInstance, timer.DueAt, timer.Purpose) { Rung = timer.Rung });
        }
    }

    private void NotifyAbout(ActiveStep step, NotificationKind kind, string message) =>
        effects.Add(new Notify(
            state.Dossier,
            step.Instance,
            kind,
            step.Assignee is { } assignee ? Recipient.Person(assignee) : Recipient.Group(step.Role!, step.Unit ?? state.Unit),
            message));

    private void Replace(ActiveStep step, ActiveStep with) => active[active.IndexOf(step)] = with;
}
