using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Persistence;

namespace Workflows.Engine.Timers.Quartz.Tests;

/// <summary>
/// One "host process" on a shared database: persistence, the runtime and the timer services with the clock under the
/// test's control. Quartz's hosted service does not run; tests wake the dispatcher themselves (no sleeps).
/// Disposing it is stopping the process: nothing in memory survives, only the database.
/// </summary>
internal sealed class TimerHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private TimerHost(ServiceProvider services) => this.services = services;

    public WorkflowRuntime Runtime => Get<WorkflowRuntime>();

    public TimerDispatcher Dispatcher => Get<TimerDispatcher>();

    public TimerScheduler Scheduler => Get<TimerScheduler>();

    public IDossierStore Dossiers => Get<IDossierStore>();

    public ITimerQueries Timers => Get<ITimerQueries>();

    public INotificationStore Notifications => Get<INotificationStore>();

    public static async Task<TimerHost> StartAsync(Action<IServiceCollection> addProvider, FakeTimeProvider clock, CancellationToken cancellationToken)
    {
        var collection = new ServiceCollection();
        addProvider(collection);
        collection.AddLogging();
        collection.AddSingleton<TimeProvider>(clock);
        collection.AddSingleton<ExecutableProcedureCache>();
        collection.AddSingleton<WorkflowRuntime>();
        collection.AddSingleton<ProcedureCatalog>();
        collection.AddWorkflowsTimers(new TimerOptions { RunScheduler = false });
        var host = new TimerHost(collection.BuildServiceProvider());
        await host.Get<IWorkflowsDatabase>().MigrateAsync(cancellationToken);
        await host.Get<StoredCalendarSource>().ReloadAsync(cancellationToken);
        return host;
    }

    public T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
