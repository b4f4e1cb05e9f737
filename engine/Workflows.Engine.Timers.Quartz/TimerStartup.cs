using Microsoft.Extensions.Hosting;
using Workflows.Engine.Application;

namespace Workflows.Engine.Timers.Quartz;

/// <summary>
/// On start: load the stored calendars, rebuild Quartz triggers from the timers table and wake the dispatcher
/// for fires missed while the host was down. Runs after the database was migrated (the host does that first).
/// </summary>
internal sealed class TimerStartup(StoredCalendarSource calendars, TimerScheduler scheduler) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await calendars.ReloadAsync(cancellationToken);
        await scheduler.RebuildAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
