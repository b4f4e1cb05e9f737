using Workflows.Engine.Definitions;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Sla;

namespace Workflows.Engine.Execution;

/// <summary>What happens right after a person's task opens (timeout timer, assignment), and the timeout firing.</summary>
internal sealed partial class ExecutionRun
{
    private Rejection? OnTaskOpened(StepDefinition step, ActiveStep opened)
    {
        PlanTimeout(step, opened);
        return AssignOnOpen(step, opened);
    }

    /// <summary>The timeout is an SLA timer of its own purpose, so the timer table, Quartz and the dispatcher deliver it unchanged.</summary>
    private void PlanTimeout(StepDefinition step, ActiveStep opened)
    {
        if (step.Timeout is not { } timeout)
        {
            return;
        }

        var due = timeout.After is { } after ? calendars.For(opened.Unit ?? state.Unit).Add(now, after) : opened.DueAt;
        if (due is { } at)
        {
            Schedule([new SlaTimer(opened.Instance, TimerPurpose.TaskTimeout, 0, at)]);
        }
    }

    /// <summary>Nobody completed the task in time: it completes itself with the timeout outcome, and the flow continues (a join counts it).</summary>
    private Rejection? TimeOut(ActiveStep step)
    {
        var definition = procedure.Step(step.Step);
        var outcome = definition.Timeout!.Outcome;
        cameFrom = step.Step;
        active.Remove(step);
        events.Add(new TaskTimedOut(step.Instance, step.Step, outcome, step.StartedAt));
        events.Add(new StepCompleted(step.Instance, step.Step) { Outcome = outcome, Comment = "Closed by its timeout: nobody completed it in time." });
        effects.Add(new CloseTask(new TaskId(state.Dossier, step.Instance), TaskClosure.Completed, now, actor.User) { Outcome = outcome });
        foreach (var transition in procedure.Outgoing(step.Step).Where(t => t.Outcome == outcome))
        {
            pending.Enqueue(transition.To);
        }

        return Drain();
    }
}
