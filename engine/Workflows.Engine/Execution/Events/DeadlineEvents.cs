namespace Workflows.Engine.Execution.Events;

/// <summary>
/// A deadline rule of the procedure applied (e.g. "5 working days when the conditions must be verified"): the dossier's
/// deadline is now the rule's, counted from receipt, and the appointment moved from <see cref="From"/> to <see cref="To"/>.
/// </summary>
/// <param name="Rule">Position of the rule in the definition's "deadlineRules".</param>
/// <param name="Deadline">The deadline that applies now, e.g. "5d".</param>
/// <param name="Reason">Why: the rule's reason, else its condition or outcome.</param>
public sealed record DeadlineChanged(int Rule, string Deadline, string Reason, DateTimeOffset From, DateTimeOffset To) : WorkflowEvent
{
    /// <summary>The deadline that applied before, e.g. "same-day@15:00".</summary>
    public string? PreviousDeadline { get; init; }
}
