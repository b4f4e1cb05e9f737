using Microsoft.Extensions.Logging;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Identity;
using Workflows.Engine.Sla;

namespace Workflows.Engine.Timers.Quartz;

/// <summary>What one delivery run did.</summary>
public sealed record TimerDelivery(int Delivered, int Rejected);

/// <summary>
/// Delivers every timer due at the clock's now as a command through <see cref="WorkflowRuntime"/>, with the system
/// actor. Quartz only wakes it; tests call it directly with a fake clock. Exactly once follows from the design, not
/// from here: the timer row goes in the transaction of the state change the timer causes, and a second delivery
/// (another host, a retried job) finds the bookmark gone and is refused by the core.
/// </summary>
public sealed partial class TimerDispatcher(ITimerQueries timers, WorkflowRuntime runtime, TimeProvider clock, ILogger<TimerDispatcher> logger) : IDisposable
{
    public const int BatchSize = 500;

    private static readonly Actor System = Actor.System(new UnitId("system"));

    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<TimerDelivery> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.VietnamNow();
            var delivered = 0;
            var refused = 0;
            var seen = new HashSet<TimerRecord>();
            while (true)
            {
                var due = await timers.ListDueAsync(now, BatchSize, cancellationToken);
                var fresh = due.Where(seen.Add).ToList();
                if (fresh.Count == 0)
                {
                    return new TimerDelivery(delivered, refused);
                }

                foreach (var timer in fresh)
                {
                    switch (await DeliverAsync(timer, cancellationToken))
                    {
                        case CommandAccepted:
                            delivered++;
                            break;
                        case CommandRejected { Rejection.Code: SlaRejections.TimerNotDue }:
                            break; // moved later meanwhile: its row now says when
                        case CommandRejected refusal:
                            refused++;
                            LogStale(timer.Dossier, timer.StepInstance, timer.Purpose, refusal.Rejection.Message);
                            await timers.DiscardAsync(timer, cancellationToken);
                            break;
                        case null:
                            break;
                    }
                }
            }
        }
        finally
        {
            gate.Release();
        }
    }

    public void Dispose() => gate.Dispose();

    public static WorkflowCommand CommandFor(TimerRecord timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        return timer.Purpose == TimerPurpose.TimerStep
            ? new FireTimer(timer.StepInstance, System)
            : new SlaTimerFired(timer.StepInstance, timer.Purpose, timer.Rung, System);
    }

    private async Task<CommandOutcome?> DeliverAsync(TimerRecord timer, CancellationToken cancellationToken)
    {
        try
        {
            return await runtime.ExecuteAsync(timer.Dossier, CommandFor(timer), cancellationToken);
        }
        catch (ConcurrencyConflictException e)
        {
            // The dossier is busy (several retries lost): the row stays and the next run delivers it.
            LogBusy(timer.Dossier, e);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Timer {Purpose} of dossier {Dossier} step {StepInstance} was refused and discarded: {Reason}")]
    private partial void LogStale(DossierId dossier, int stepInstance, TimerPurpose purpose, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Timer of dossier {Dossier} not delivered (busy); it will be retried")]
    private partial void LogBusy(DossierId dossier, Exception exception);
}
