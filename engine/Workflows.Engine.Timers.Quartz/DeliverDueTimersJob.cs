using Quartz;

namespace Workflows.Engine.Timers.Quartz;

/// <summary>What every due-instant trigger runs. One at a time per host: a run delivers everything due anyway.</summary>
[DisallowConcurrentExecution]
public sealed class DeliverDueTimersJob(TimerDispatcher dispatcher) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await dispatcher.DeliverDueAsync(cancellationToken);
}
