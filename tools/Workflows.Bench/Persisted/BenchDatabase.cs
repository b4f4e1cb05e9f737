using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Bench.Flow;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Calendar;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence;
using Workflows.Engine.Persistence.PostgreSql;
using Workflows.Engine.Persistence.Sqlite;

namespace Workflows.Bench.Persisted;

public enum BenchProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>
/// One database wired exactly as the host wires it (the provider's Use… configuration, every store, the
/// runtime), migrated and seeded with the demo directory and the published birth-registration procedure.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private BenchDatabase(BenchProvider provider, string connectionString, ServiceProvider services, SqlMeter counter, bool groupCommit)
    {
        GroupCommit = groupCommit;
        Provider = provider;
        ConnectionString = connectionString;
        this.services = services;
        Sql = counter;
    }

    public BenchProvider Provider { get; }

    /// <summary>Whether dossier saves go through the group-commit writer (ADR 0011) instead of one transaction each.</summary>
    public bool GroupCommit { get; }

    public string Name => Provider == BenchProvider.Sqlite ? "SQLite" : "PostgreSQL";

    public string ConnectionString { get; }

    public SqlMeter Sql { get; }

    public WorkflowRuntime Runtime => services.GetRequiredService<WorkflowRuntime>();

    public IDossierStore Dossiers => services.GetRequiredService<IDossierStore>();

    public ExecutableProcedureCache Procedures => services.GetRequiredService<ExecutableProcedureCache>();

    public IRegisterStore Registers => services.GetRequiredService<IRegisterStore>();

    public IDbContextFactory<WorkflowsDbContext> Contexts => services.GetRequiredService<IDbContextFactory<WorkflowsDbContext>>();

    public static BenchProvider ParseProvider(string name) => name.ToUpperInvariant() switch
    {
        "SQLITE" => BenchProvider.Sqlite,
        "POSTGRESQL" or "POSTGRES" => BenchProvider.PostgreSql,
        _ => throw new ArgumentException($"Provider '{name}' is not supported; use sqlite or postgresql.", nameof(name)),
    };

    /// <param name="clock">The runtime's clock: the system clock for load runs, a chosen one for generated data.</param>
    /// <param name="durable">False only for generated data (see <see cref="Generate.NonDurableWrites"/>).</param>
    public static async Task<BenchDatabase> OpenAsync(BenchProvider provider, string connectionString, BirthRegistrationFlow flow, TimeProvider clock, CancellationToken cancellationToken, bool durable = true, bool groupCommit = false)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var counter = new SqlMeter();
        var collection = new ServiceCollection();
        collection.AddWorkflowsPersistence(options =>
        {
            _ = provider == BenchProvider.Sqlite
                ? options.UseWorkflowsSqlite(connectionString)
                : options.UseWorkflowsPostgreSql(durable ? connectionString : Generate.NonDurableWrites.PostgreSql(connectionString));
            options.AddInterceptors(counter);
            if (!durable)
            {
                options.AddInterceptors(Generate.NonDurableWrites.Instance);
            }
        });
        if (groupCommit)
        {
            collection.AddWorkflowsGroupCommit();
        }

        collection.AddSingleton(clock);
        collection.AddSingleton<IWorkingCalendarSource>(DefaultCalendarSource.Around(TimeProvider.System.GetUtcNow()));
        collection.AddSingleton<ExecutableProcedureCache>();
        collection.AddSingleton<WorkflowRuntime>();
        collection.AddSingleton<ProcedureCatalog>();
        var built = collection.BuildServiceProvider();
        try
        {
            await built.GetRequiredService<IWorkflowsDatabase>().MigrateAsync(cancellationToken);
            await built.GetRequiredService<IDirectory>().UpsertAsync(flow.Directory.Units, flow.Directory.Users, cancellationToken);
            var published = await built.GetRequiredService<ProcedureCatalog>()
                .ImportAndPublishAsync(flow.DefinitionJson, Actor.SystemUser, "Benchmark", cancellationToken);
            if (published is CatalogRefused refused)
            {
                throw new InvalidOperationException($"The sample procedure was not published: {refused.Message}");
            }

            return new BenchDatabase(provider, connectionString, built, counter, groupCommit);
        }
        catch
        {
            await built.DisposeAsync();
            throw;
        }
    }

    public async Task<WorkflowsDbContext> CreateContextAsync(CancellationToken cancellationToken) =>
        await Contexts.CreateDbContextAsync(cancellationToken);

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
