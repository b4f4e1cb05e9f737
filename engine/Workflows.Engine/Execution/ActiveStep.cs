using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution;

/// <summary>A step instance the dossier is waiting in: a task in someone's inbox, or a running timer.</summary>
/// <param name="Instance">Sequence number of this step instance within the dossier (1, 2, 3...).</param>
public sealed record ActiveStep(int Instance, StepId Step, StepKind Kind, DateTimeOffset StartedAt, Bookmark Bookmark)
{
    public string? Role { get; init; }

    /// <summary>The unit whose officials work this step.</summary>
    public UnitId? Unit { get; init; }

    /// <summary>The official who claimed the task; null while it waits for anyone with the role.</summary>
    public UserId? Assignee { get; init; }

    /// <summary>When this step's budget runs out (null when the step has no budget).</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The person's step that handed the dossier over to this one (where "return" sends it back).</summary>
    public StepId? CameFrom { get; init; }

    /// <summary>Raised by the escalation ladder; inboxes list higher priorities first. 0 is normal.</summary>
    public int Priority { get; init; }
}
