using Microsoft.Data.Sqlite;
using Workflows.Engine.Persistence.Tests.PostgreSql;

namespace Workflows.Api.Tests;

/// <summary>The API contract on the embedded default: a fresh SQLite file per test.</summary>
public sealed class SqliteApiTests : ApiContractTests
{
    private readonly string root = Directory.CreateTempSubdirectory("workflows-api-").FullName;

    protected override Task<(string Provider, string ConnectionString)> CreateDatabaseAsync() =>
        Task.FromResult(("Sqlite", $"Data Source={Path.Combine(root, "workflows.db")}"));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }
}

/// <summary>The API contract on PostgreSQL: a fresh database per test on a throwaway cluster.</summary>
public sealed class PostgreSqlApiTests : ApiContractTests
{
    protected override async Task<(string Provider, string ConnectionString)> CreateDatabaseAsync()
    {
        var server = await PostgreSqlServer.StartOrSkipAsync();
        return ("PostgreSql", await server.CreateDatabaseAsync(TestContext.Current.CancellationToken));
    }
}
