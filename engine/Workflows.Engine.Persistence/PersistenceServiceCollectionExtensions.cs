using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Persistence.Stores;

namespace Workflows.Engine.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers the context factory and every store as singletons (each operation opens its own short-lived
    /// context). Provider projects call this with their <c>Use…</c> configuration; hosts call theirs.
    /// </summary>
    public static IServiceCollection AddWorkflowsPersistence(this IServiceCollection services, Action<DbContextOptionsBuilder> configureProvider)
    {
        ArgumentNullException.ThrowIfNull(configureProvider);
        services.AddDbContextFactory<WorkflowsDbContext>(configureProvider);
        services.AddSingleton<IWorkflowsDatabase, WorkflowsDatabase>();
        services.AddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.AddSingleton<IDossierStore, EfDossierStore>();
        services.AddSingleton<ITaskQueries, EfTaskQueries>();
        services.AddSingleton<ITimerQueries, EfTimerQueries>();
        services.AddSingleton<IDirectory, EfDirectory>();
        services.AddSingleton<IRegisterStore, EfRegisterStore>();
        services.AddSingleton<IRunningDossiers, EfRunningDossiers>();
        services.AddSingleton<ITrackingBook, EfTrackingBook>();
        services.AddSingleton<ICalendarStore, EfCalendarStore>();
        services.AddSingleton<INotificationStore, EfNotificationStore>();
        services.AddSingleton<IResultDocumentStore, EfResultDocumentStore>();
        return services;
    }
}
