using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Application.Ports;

/// <summary>A notification as the outbox holds it.</summary>
public sealed record NotificationRecord(long Id, DossierId Dossier, int StepInstance, NotificationKind Kind, Recipient To, string Message, DateTimeOffset CreatedAt)
{
    public DateTimeOffset? DispatchedAt { get; init; }
}

/// <summary>The notification outbox: in-app lists, and the backlog the relay hands to e-mail/SMS senders.</summary>
public interface INotificationStore
{
    /// <summary>
    /// Notifications for a person: addressed to them, or to one of their roles in their unit; newest first.
    /// <paramref name="before"/> pages backwards by id.
    /// </summary>
    Task<IReadOnlyList<NotificationRecord>> ListForAsync(UserId user, UnitId unit, IReadOnlyCollection<string> roles, long? before, int take, CancellationToken cancellationToken);

    /// <summary>Not yet relayed, oldest first.</summary>
    Task<IReadOnlyList<NotificationRecord>> ListUndispatchedAsync(int take, CancellationToken cancellationToken);

    Task MarkDispatchedAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken cancellationToken);
}
