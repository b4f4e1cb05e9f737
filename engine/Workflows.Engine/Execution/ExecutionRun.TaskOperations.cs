using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution;

/// <summary>What officials do to a task besides completing it: delegate, return, comment.</summary>
internal sealed partial class ExecutionRun
{
    /// <summary>Longest comment or note kept; history is not a document store.</summary>
    internal const int MaxTextLength = 4000;

    public Rejection? Delegate(int stepInstance, Actor colleague, string? note)
    {
        var (step, rejection) = FindTaskFor(stepInstance, mayClaim: false);
        if (rejection is not null)
        {
            return rejection;
        }

        if (TooLong(note) is { } tooLong)
        {
            return tooLong;
        }

        if (colleague.Unit != step!.Unit || step.Role is null || !colleague.HasRole(step.Role) || colleague.User == actor.User)
        {
            return new Rejection(RejectionCodes.NotAuthorized, colleague.User == actor.User
                ? "You cannot delegate a task to yourself; claim it instead."
                : $"'{colleague.User}' cannot take task {stepInstance}: it needs role '{step.Role}' in unit '{step.Unit}'.");
        }

        active[active.IndexOf(step)] = step with { Assignee = colleague.User };
        events.Add(new TaskDelegated(stepInstance, colleague.User) { From = actor.User, Note = Normalize(note) });
        effects.Add(new AssignTask(new TaskId(state.Dossier, stepInstance), colleague.User));
        return null;
    }

    public Rejection? ReturnToPrevious(int stepInstance, string reason)
    {
        var (step, rejection) = FindTaskFor(stepInstance, mayClaim: false);
        if (rejection is not null)
        {
            return rejection;
        }

        if (string.IsNullOrWhiteSpace(reason) || TooLong(reason) is not null)
        {
            return new Rejection(RejectionCodes.InvalidData, $"Say why the dossier goes back (1–{MaxTextLength} characters); the previous official will read it.");
        }

        if (step!.CameFrom is not { } previous)
        {
            return new Rejection(RejectionCodes.InvalidData, $"Task {stepInstance} was not handed over by another person's step, so there is nothing to return it to.");
        }

        active.Remove(step);
        events.Add(new TaskReturned(stepInstance, step.Step, previous, reason.Trim()));
        effects.Add(new CloseTask(new TaskId(state.Dossier, stepInstance), TaskClosure.Cancelled, now, actor.User) { Outcome = "returned" });
        cameFrom = step.Step;
        pending.Enqueue(previous);
        return Drain();
    }

    public Rejection? Comment(int? stepInstance, string text)
    {
        if (string.IsNullOrWhiteSpace(text) || TooLong(text) is not null)
        {
            return new Rejection(RejectionCodes.InvalidData, $"A comment needs 1–{MaxTextLength} characters of text.");
        }

        if (stepInstance is { } instance && active.Find(s => s.Instance == instance) is null)
        {
            return Rejection.TaskNotOpen(instance);
        }

        if (actor.IsSystem || actor.Roles.IsDefaultOrEmpty)
        {
            return new Rejection(RejectionCodes.NotAuthorized, "Only officials (or the applicant, through their own channel) comment on a dossier.");
        }

        events.Add(new CommentAdded(text.Trim()) { StepInstance = stepInstance });
        return null;
    }

    private static Rejection? TooLong(string? text) =>
        text is { Length: > MaxTextLength }
            ? new Rejection(RejectionCodes.InvalidData, $"The text has {text.Length} characters; at most {MaxTextLength} are kept.")
            : null;

    private static string? Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
