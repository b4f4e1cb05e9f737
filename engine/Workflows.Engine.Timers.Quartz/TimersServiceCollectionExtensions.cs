using Microsoft.Extensions.DependencyInjection;
using Quartz;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Calendar;

namespace Workflows.Engine.Timers.Quartz;

public sealed class TimerOptions
{
    /// <summary>Safety net: how often every host delivers whatever is due even without a trigger (other hosts' timers).</summary>
    public int SweepSeconds { get; set; } = 30;

    /// <summary>How often the notification outbox is relayed to e-mail/SMS senders.</summary>
    public int RelaySeconds { get; set; } = 5;

    /// <summary>False registers everything but Quartz's hosted service (tools, tests that drive the dispatcher).</summary>
    public bool RunScheduler { get; set; } = true;
}

public static class TimersServiceCollectionExtensions
{
    /// <summary>
    /// Stored per-unit calendars, the timer dispatcher and Quartz (RAM job store: the timers table is the source of
    /// truth and every host rebuilds its triggers from it on start). Call after <c>AddWorkflows…</c> persistence.
    /// </summary>
    public static IServiceCollection AddWorkflowsTimers(this IServiceCollection services, TimerOptions? options = null)
    {
        options ??= new TimerOptions();
        services.AddSingleton<StoredCalendarSource>();
        services.AddSingleton<IWorkingCalendarSource>(sp => sp.GetRequiredService<StoredCalendarSource>());
        services.AddSingleton<CalendarAdministration>();
        services.AddSingleton<TimerDispatcher>();
        services.AddSingleton<TimerScheduler>();
        services.AddSingleton<NotificationRelay>();
        DecorateDossierStore(services);

        services.AddQuartz(q =>
        {
            q.UseInMemoryStore();
            q.AddJob<DeliverDueTimersJob>(j => j.WithIdentity(TimerScheduler.DeliverJob).StoreDurably());
            q.AddTrigger(t => t.ForJob(TimerScheduler.DeliverJob).WithIdentity("sweep", "workflows")
                .StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.SweepSeconds)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
            q.AddJob<NotificationRelay>(j => j.WithIdentity(NotificationRelay.Key).StoreDurably());
            q.AddTrigger(t => t.ForJob(NotificationRelay.Key).WithIdentity("relay", "workflows")
                .StartNow().WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(options.RelaySeconds)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        if (options.RunScheduler)
        {
            services.AddHostedService<TimerStartup>();
            services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        }

        return services;
    }

    private static void DecorateDossierStore(IServiceCollection services)
    {
        var inner = services.LastOrDefault(d => d.ServiceType == typeof(IDossierStore))
            ?? throw new InvalidOperationException("Register persistence (AddWorkflowsSqlite / AddWorkflowsPostgreSql) before AddWorkflowsTimers.");
        services.Remove(inner);
        services.AddSingleton<IDossierStore>(sp => new SchedulingDossierStore(
            inner.ImplementationType is { } type ? (IDossierStore)ActivatorUtilities.CreateInstance(sp, type) : (IDossierStore)inner.ImplementationFactory!(sp),
            sp.GetRequiredService<TimerScheduler>()));
    }
}
