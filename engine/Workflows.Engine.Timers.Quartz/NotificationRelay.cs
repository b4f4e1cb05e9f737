using Quartz;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;

namespace Workflows.Engine.Timers.Quartz;

/// <summary>
/// Relays the notification outbox to the registered senders. At least once: a crash after sending and before
/// marking sends again, which e-mail/SMS adapters must tolerate (the notification id is their idempotency key).
/// </summary>
[DisallowConcurrentExecution]
public sealed class NotificationRelay(INotificationStore outbox, IEnumerable<INotificationSender> senders, TimeProvider clock) : IJob
{
    public const int BatchSize = 200;

    public static readonly JobKey Key = new("relay-notifications", "workflows");

    public async Task<int> RelayAsync(CancellationToken cancellationToken)
    {
        var relayed = 0;
        while (true)
        {
            var batch = await outbox.ListUndispatchedAsync(BatchSize, cancellationToken);
            if (batch.Count == 0)
            {
                return relayed;
            }

            foreach (var notification in batch)
            {
                foreach (var sender in senders)
                {
                    await sender.SendAsync(notification, cancellationToken);
                }
            }

            await outbox.MarkDispatchedAsync([.. batch.Select(n => n.Id)], clock.VietnamNow(), cancellationToken);
            relayed += batch.Count;
        }
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await RelayAsync(cancellationToken);
}
