using Quartz;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;

namespace Workflows.Engine.Timers.Quartz;

/// <summary>
/// Keeps Quartz triggers for the due instants in the timers table. Triggers carry no timer identity: each one
/// just wakes <see cref="TimerDispatcher"/>, which reads what is due from the database. So a stale trigger (its
/// timer fired, moved or went with its step) costs one empty query, and triggers for one instant coalesce.
/// </summary>
public sealed class TimerScheduler(ISchedulerFactory schedulers, ITimerQueries timers, TimeProvider clock)
{
    public static readonly JobKey DeliverJob = new("deliver-due-timers", "workflows");

    private const string TriggerGroup = "workflows-due";
    private const int RebuildPage = 10_000;

    /// <summary>Adds triggers for these due instants (after a dossier's change scheduled timers).</summary>
    public async Task ScheduleAsync(IEnumerable<DateTimeOffset> dueInstants, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var triggers = dueInstants.Distinct().Select(Trigger).ToList();
        if (triggers.Count > 0)
        {
            await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [Job()] = triggers }, ScheduleJobOptions.Replacing, cancellationToken);
        }
    }

    /// <summary>
    /// Rebuilds every trigger from the database (on start: RAM triggers died with the previous process), then
    /// wakes the dispatcher at once for whatever fell due while the host was down.
    /// </summary>
    /// <returns>How many future due instants were scheduled.</returns>
    public async Task<int> RebuildAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var now = clock.VietnamNow();
        var after = now;
        var scheduled = 0;
        while (true)
        {
            var page = await timers.ListDueInstantsAsync(after, RebuildPage, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>> { [Job()] = page.Select(Trigger).ToList() }, ScheduleJobOptions.Replacing, cancellationToken);
            scheduled += page.Count;
            after = page[^1];
        }

        await WakeNowAsync(cancellationToken);
        return scheduled;
    }

    /// <summary>Runs the dispatcher as soon as possible (missed fires, a sweep, a test).</summary>
    public async Task WakeNowAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.AddJob(Job(), AddJobOptions.Replacing, cancellationToken);
        await scheduler.TriggerJob(DeliverJob, new JobDataMap(), cancellationToken);
    }

    private static IJobDetail Job() =>
        JobBuilder.Create<DeliverDueTimersJob>().WithIdentity(DeliverJob).StoreDurably().Build();

    private static ITrigger Trigger(DateTimeOffset due) =>
        TriggerBuilder.Create()
            .WithIdentity(due.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), TriggerGroup)
            .ForJob(DeliverJob)
            .StartAt(due)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
}
