using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Workflows.Engine.Persistence.PostgreSql;

public static class PostgreSqlServiceCollectionExtensions
{
    /// <summary>Production storage: several stateless hosts on one PostgreSQL database.</summary>
    /// <param name="connectionString">An Npgsql connection string, e.g. "Host=db;Database=workflows;Username=workflows".</param>
    public static IServiceCollection AddWorkflowsPostgreSql(this IServiceCollection services, string connectionString) =>
        services.AddWorkflowsPersistence(options => options.UseWorkflowsPostgreSql(connectionString));

    /// <summary>Points a <see cref="WorkflowsDbContext"/> at PostgreSQL with this assembly's migrations.</summary>
    public static DbContextOptionsBuilder UseWorkflowsPostgreSql(this DbContextOptionsBuilder options, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        return options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(PostgreSqlServiceCollectionExtensions).Assembly));
    }
}
