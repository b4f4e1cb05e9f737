using Quartz;
using Workflows.Engine.Timers.Quartz;

namespace Workflows.Api.Workers;

/// <summary>
/// Every background worker of the host, registered in one place (ADR 0025). All are Quartz jobs that only wake the
/// work; the database stays the source of truth, so a restart or a second host loses and doubles nothing:
/// <list type="bullet">
/// <item>timer dispatch (<see cref="TimerDispatcher"/>, Workflows.Engine.Timers.Quartz): a trigger per due SLA instant
/// plus a sweep every <see cref="TimerOptions.SweepSeconds"/>;</item>
/// <item>notification relay (<see cref="NotificationRelay"/>, Workflows.Engine.Timers.Quartz): the notification outbox
/// to e-mail/SMS senders every <see cref="TimerOptions.RelaySeconds"/>;</item>
/// <item>form producer (<see cref="FormProducer"/>, here): forms 01–04 from committed events, on the relay's
/// interval.</item>
/// </list>
/// The timers package also brings the stored per-unit calendars (replacing the default source) that the dispatcher
/// computes deadlines with.
/// </summary>
public static class WorkersSetup
{
    public static WebApplicationBuilder AddWorkflowsWorkers(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Timers").Get<TimerOptions>() ?? new TimerOptions();
        builder.Services.AddWorkflowsTimers(options);
        builder.Services.AddSingleton<FormProducer>();
        builder.Services.AddQuartz(q =>
        {
            q.AddJob<FormProducer>(j => j.WithIdentity(FormProducer.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(FormProducer.Key).WithIdentity("forms", "workflows")
                .StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.RelaySeconds)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        return builder;
    }
}
