using Workflows.Engine.Timers.Quartz;

namespace Workflows.Api.Infrastructure;

/// <summary>SLA timers on Quartz, stored per-unit calendars (replacing the default source) and the notification outbox relay.</summary>
public static class TimersSetup
{
    public static WebApplicationBuilder AddWorkflowsTimers(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Timers").Get<TimerOptions>() ?? new TimerOptions();
        builder.Services.AddWorkflowsTimers(options);
        return builder;
    }
}
