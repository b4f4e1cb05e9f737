using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Engine.Persistence.Sqlite;

public static class SqliteServiceCollectionExtensions
{
    /// <summary>The embedded default: one SQLite file (its folder is created on first open), WAL journal.</summary>
    /// <param name="connectionString">E.g. "Data Source=data/workflows.db".</param>
    public static IServiceCollection AddWorkflowsSqlite(this IServiceCollection services, string connectionString) =>
        services.AddWorkflowsPersistence(options => options.UseWorkflowsSqlite(connectionString));

    /// <summary>Points a <see cref="WorkflowsDbContext"/> at SQLite with this assembly's migrations.</summary>
    public static DbContextOptionsBuilder UseWorkflowsSqlite(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteServiceCollectionExtensions).Assembly))
            .AddInterceptors(SqliteConnectionSetup.Instance);
    }
}
