using Workflows.Engine.Application.Ports;

namespace Workflows.Engine.Timers.Quartz;

/// <summary>
/// A channel beyond the in-app list (e-mail, SMS). Adapters implement this; the relay hands each outbox message
/// to every registered sender, then marks it dispatched. In-app notifications need no sender: the outbox is the list.
/// </summary>
public interface INotificationSender
{
    Task SendAsync(NotificationRecord notification, CancellationToken cancellationToken);
}
