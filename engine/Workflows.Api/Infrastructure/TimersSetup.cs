using Quartz;
using Workflows.Api.Features.Forms;
using Workflows.Engine.Timers.Quartz;

namespace Workflows.Api.Infrastructure;

/// <summary>
/// SLA timers on Quartz, stored per-unit calendars (replacing the default source), the notification outbox relay and
/// the form producer (forms 01–04 from committed events, on the relay's interval).
/// </summary>
public static class TimersSetup
{
    public static WebApplicationBuilder AddWorkflowsTimers(this WebApplicationBuilder builder)
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
