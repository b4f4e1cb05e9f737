using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workflows.Engine.Persistence.PostgreSql;
using Workflows.Engine.Persistence.Tests.Contract;

namespace Workflows.Engine.Persistence.Tests.PostgreSql;

/// <summary>The contract on PostgreSQL: a fresh database per test in the shared throwaway cluster.</summary>
public sealed class PostgreSqlPersistenceTests : PersistenceContractTests
{
    private string? connectionString;

    protected override async ValueTask AddProviderAsync(IServiceCollection services)
    {
        var server = await PostgreSqlServer.StartOrSkipAsync();
        connectionString = await server.CreateDatabaseAsync(Ct);
        services.AddWorkflowsPostgreSql(connectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (connectionString is not null)
        {
            // This database is never used again: close its pooled connections now rather than at exit.
            await using var connection = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(connection);
        }
    }
}
