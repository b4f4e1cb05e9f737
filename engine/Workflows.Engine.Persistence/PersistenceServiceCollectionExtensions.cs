using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Persistence.GroupCommit;
using Workflows.Engine.Persistence.Stores;

namespace Workflows.Engine.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    private static readonly ServiceDescriptor PlainDossierStore =
        ServiceDescriptor.Singleton<IDossierStore>(sp => sp.GetRequiredService<EfDossierStore>());

    /// <summary>
    /// Registers the context factory and every store as singletons (each operation opens its own short-lived
    /// context). Provider projects call this with their <c>Use…</c> configuration; hosts call theirs.
    /// </summary>
    public static IServiceCollection AddWorkflowsPersistence(this IServiceCollection services, Action<DbContextOptionsBuilder> configureProvider)
    {
        ArgumentNullException.ThrowIfNull(configureProvider);
        // Pooled: a command opens three or four short-lived contexts; reusing them saves building each one's services.
        services.AddPooledDbContextFactory<WorkflowsDbContext>(configureProvider);
        services.AddSingleton<IWorkflowsDatabase, WorkflowsDatabase>();
        services.AddSingleton<IDefinitionStore, EfDefinitionStore>();
        services.AddSingleton<EfDossierStore>();
        services.Add(PlainDossierStore);
        services.AddSingleton<ITaskQueries, EfTaskQueries>();
        services.AddSingleton<ITimerQueries, EfTimerQueries>();
        services.AddSingleton<IDirectory, EfDirectory>();
        services.AddSingleton<IRegisterStore, EfRegisterStore>();
        services.AddSingleton<IAssignmentPools, EfAssignmentPools>();
        services.AddSingleton<IRunningDossiers, EfRunningDossiers>();
        services.AddSingleton<ITrackingBook, EfTrackingBook>();
        services.AddSingleton<ICalendarStore, EfCalendarStore>();
        services.AddSingleton<INotificationStore, EfNotificationStore>();
        services.AddSingleton<IDocumentContentStore, EfDocumentContentStore>();
        services.AddSingleton<IResultDocumentStore, EfResultDocumentStore>();
        services.AddSingleton<ISigningSessionRows, EfSigningSessionRows>();
        services.AddSingleton<IDossierFormStore, EfDossierFormStore>();
        return services;
    }

    /// <summary>
    /// Saves dossier changes through one group-commit writer (ADR 0011) instead of one transaction per change.
    /// Call after the provider's <c>AddWorkflows…</c> and before anything that decorates <see cref="IDossierStore"/>
    /// (timers).
    /// </summary>
    public static IServiceCollection AddWorkflowsGroupCommit(this IServiceCollection services, GroupCommitOptions? options = null)
    {
        options ??= new GroupCommitOptions();
        options.Validate();
        var plain = services.LastOrDefault(d => d.ServiceType == typeof(IDossierStore));
        if (!ReferenceEquals(plain, PlainDossierStore))
        {
            throw new InvalidOperationException("Group commit wraps the EF dossier store itself: call AddWorkflowsGroupCommit right after AddWorkflowsSqlite / AddWorkflowsPostgreSql, before AddWorkflowsTimers.");
        }

        services.Remove(plain);
        services.AddSingleton<IDossierStore>(sp => new GroupCommitDossierStore(sp.GetRequiredService<EfDossierStore>(), options));
        return services;
    }
}
