using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Effects;

public enum NotificationKind
{
    StepDueSoon,
    StepOverdue,
    DossierDueSoon,
    DossierOverdue,
    Escalation,
    TaskReassigned,
    ApologyDrafted,
    SupplementWindowExpired,
}

/// <summary>Who a notification is for: one official, or everyone holding a role in a unit.</summary>
public sealed record Recipient(UserId? User, string? Role, UnitId? Unit)
{
    public static Recipient Person(UserId user) => new(user, null, null);

    public static Recipient Group(string role, UnitId unit) => new(null, role, unit);

    public override string ToString() => User is { } u ? u.ToString() : $"{Role}@{Unit}";
}

/// <summary>Tell someone about a dossier; written to the notification outbox in the dossier's transaction.</summary>
/// <param name="StepInstance">The step concerned; 0 for the dossier as a whole.</param>
public sealed record Notify(DossierId Dossier, int StepInstance, NotificationKind Kind, Recipient To, string Message) : Effect;

/// <summary>The task's row follows its step: a new priority.</summary>
public sealed record SetTaskPriority(TaskId Task, int Priority) : Effect;

/// <summary>The task moves to another role's group inbox (unclaimed).</summary>
public sealed record MoveTask(TaskId Task, string Role, UnitId Unit) : Effect;

/// <summary>The task's due instant moved (a calendar edit was recomputed).</summary>
public sealed record ChangeTaskDue(TaskId Task, DateTimeOffset? DueAt) : Effect;
