using Workflows.Engine.Calendar;
using Workflows.Engine.Deadlines;
using Workflows.Engine.Execution.Events;

namespace Workflows.Engine.Execution;

/// <summary>
/// Deadline rules: the dossier's deadline depends on a field or an outcome (marriage registration: the same day, 5
/// working days when verification is needed). Rules are checked when the dossier is received and after every command;
/// the first rule in the definition's order that holds applies. A rule that applied stays: only a rule listed before it
/// can replace it, so a deadline the applicant was told about never quietly shrinks back.
/// </summary>
internal sealed partial class ExecutionRun
{
    private int? deadlineRule = state.DeadlineRule;

    /// <summary>The deadline that applies to this dossier now: its rule's, else the procedure's.</summary>
    private WorkingDuration? AppliedDeadline => DeadlineOf(deadlineRule);

    private WorkingDuration? DeadlineOf(int? rule) =>
        rule is { } i && i < procedure.Definition.DeadlineRules.Length ? procedure.Definition.DeadlineRules[i].Deadline : procedure.Definition.Deadline;

    /// <summary>The first rule that holds now, if it comes before the one that applies (or none applies yet).</summary>
    private int? RuleThatNowApplies()
    {
        var rules = procedure.Definition.DeadlineRules;
        for (var i = 0; i < (deadlineRule ?? rules.Length); i++)
        {
            if (Holds(rules[i]))
            {
                return i;
            }
        }

        return null;
    }

    // A condition that cannot be decided yet (its field is still empty) does not hold.
    private bool Holds(DeadlineRule rule) => rule.When is { } when
        ? procedure.Expression(when).Evaluate(data).TryGetBoolean(out var holds, out _) && holds
        : events.OfType<StepCompleted>().Any(c => c.Step == rule.Step && c.Outcome == rule.Outcome);

    /// <summary>The rule held already at receipt: the appointment was computed with it; history says why.</summary>
    private void RecordRuleAtReceipt(int rule)
    {
        var usual = procedure.Definition.Deadline!.Value;
        events.Add(Changed(rule, usual, calendar.Add(receivedAt!.Value, usual), dueAt!.Value));
    }

    /// <summary>
    /// After a command on a received, running dossier: a rule that now applies moves the appointment to its deadline
    /// counted from receipt, keeping any time the clock stood still since (supplement, fee). The SLA timers follow
    /// (<see cref="CompleteSla"/> plans again when the appointment moved).
    /// </summary>
    private void ApplyDeadlineRules()
    {
        if (receivedAt is not { } received || dueAt is not { } from || completedAt is not null || procedure.Definition.DeadlineRules.IsDefaultOrEmpty)
        {
            return;
        }

        if (RuleThatNowApplies() is not { } rule)
        {
            return;
        }

        var previous = AppliedDeadline!.Value;
        var previousTarget = calendar.Add(received, previous);
        var paused = from > previousTarget ? calendar.WorkingTimeBetween(previousTarget, from) : TimeSpan.Zero;
        deadlineRule = rule;
        var to = calendar.AddWorkingTime(calendar.Add(received, AppliedDeadline!.Value), paused);
        dueAt = to;
        if (clockPausedAt is { } pausedAt)
        {
            remainingAtPause = to > pausedAt ? calendar.WorkingTimeBetween(pausedAt, to) : TimeSpan.Zero;
        }

        events.Add(Changed(rule, previous, from, to));
    }

    private DeadlineChanged Changed(int rule, WorkingDuration previous, DateTimeOffset from, DateTimeOffset to)
    {
        var definition = procedure.Definition.DeadlineRules[rule];
        return new DeadlineChanged(rule, definition.Deadline.ToString(), definition.Describe(), from, to) { PreviousDeadline = previous.ToString() };
    }
}
