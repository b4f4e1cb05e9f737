using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Application.Ports;

namespace Workflows.Engine.Persistence.Tests.Contract;

/// <summary>
/// What every database must do for the engine, written once and run per provider (docs/architecture.md, "Tests"). Each test
/// gets a fresh, migrated database of its own, so tests never see each other's rows. Only the public store
/// interfaces are used: these tests are the contract, not the EF mapping.
/// </summary>
public abstract partial class PersistenceContractTests : IAsyncLifetime
{
    private ServiceProvider? services;

    /// <summary>The provider's registrations, so a test can build a second wiring over the same database.</summary>
    private ServiceCollection registrations = [];

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected IDossierStore Dossiers => Get<IDossierStore>();

    protected IDefinitionStore Definitions => Get<IDefinitionStore>();

    protected ITaskQueries Tasks => Get<ITaskQueries>();

    protected ITimerQueries Timers => Get<ITimerQueries>();

    protected IDirectory Directory => Get<IDirectory>();

    public async ValueTask InitializeAsync()
    {
        var collection = new ServiceCollection();
        await AddProviderAsync(collection);
        registrations = collection;
        services = collection.BuildServiceProvider();
        await Get<IWorkflowsDatabase>().MigrateAsync(Ct);
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (services is not null)
        {
            await services.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Registers the provider under test (its <c>AddWorkflows…</c>) against a new, empty database.</summary>
    protected abstract ValueTask AddProviderAsync(IServiceCollection services);

    protected T Get<T>()
        where T : notnull =>
        (services ?? throw new InvalidOperationException("The test database is not initialized.")).GetRequiredService<T>();

    [Fact]
    public async Task Migrations_apply_to_an_empty_database_and_match_the_model()
    {
        // InitializeAsync migrated the empty database; a second run must find nothing to do.
        await Get<IWorkflowsDatabase>().MigrateAsync(Ct);

        await using var db = await Get<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync(Ct);
        (await db.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(Ct)).ShouldBe(db.Database.GetMigrations());
        db.Database.GetMigrations().ShouldContain(m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
        db.Database.HasPendingModelChanges().ShouldBeFalse("the model changed without a migration: run dotnet ef migrations add for every provider");
    }
}
