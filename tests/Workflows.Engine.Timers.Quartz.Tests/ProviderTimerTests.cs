using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Persistence.PostgreSql;
using Workflows.Engine.Persistence.Sqlite;
using Workflows.Engine.Persistence.Tests.PostgreSql;

namespace Workflows.Engine.Timers.Quartz.Tests;

public sealed class SqliteTimerTests : TimerContractTests, IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("workflows-timers-").FullName;

    protected override ValueTask AddProviderAsync(IServiceCollection services)
    {
        services.AddWorkflowsSqlite($"Data Source={Path.Combine(root, "workflows.db")}");
        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }
}

public sealed class PostgreSqlTimerTests : TimerContractTests
{
    private string? connectionString;

    protected override async ValueTask AddProviderAsync(IServiceCollection services)
    {
        connectionString ??= await (await PostgreSqlServer.StartOrSkipAsync()).CreateDatabaseAsync(Ct);
        services.AddWorkflowsPostgreSql(connectionString);
    }
}
