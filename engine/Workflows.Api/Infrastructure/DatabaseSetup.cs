using Workflows.Engine.Persistence;
using Workflows.Engine.Persistence.GroupCommit;
using Workflows.Engine.Persistence.PostgreSql;
using Workflows.Engine.Persistence.Sqlite;

namespace Workflows.Api.Infrastructure;

/// <summary>Database selection: SQLite in the data folder by default (zero setup), PostgreSQL by configuration.</summary>
public static class DatabaseSetup
{
    public static WebApplicationBuilder AddWorkflowsDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString("Workflows");
        switch (options.Provider.ToUpperInvariant())
        {
            case "SQLITE":
                builder.Services.AddWorkflowsSqlite(string.IsNullOrWhiteSpace(connectionString)
                    ? $"Data Source={Path.Combine(DataDirectory(builder, options), "workflows.db")}"
                    : connectionString);
                break;
            case "POSTGRESQL":
                builder.Services.AddWorkflowsPostgreSql(!string.IsNullOrWhiteSpace(connectionString)
                    ? connectionString
                    : throw new InvalidOperationException("Database:Provider is PostgreSql but ConnectionStrings:Workflows is empty; set it, e.g. \"Host=localhost;Database=workflows;Username=workflows;Password=...\"."));
                break;
            default:
                throw new InvalidOperationException($"Database:Provider '{options.Provider}' is not supported; use Sqlite or PostgreSql.");
        }

        // SQLite has one writer per file: batching in-process replaces its busy-wait between competing writers
        // (ADR 0019). PostgreSQL batches concurrent flushes itself, so there it stays opt-in.
        if (options.GroupCommit ?? options.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddWorkflowsGroupCommit(new GroupCommitOptions { MaxBatch = options.GroupCommitMaxBatch });
        }

        return builder;
    }

    /// <summary>Creates or migrates the schema and seeds what configuration asks for, before the host listens.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<IWorkflowsDatabase>().MigrateAsync(app.Lifetime.ApplicationStopping);
        await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
    }

    private static string DataDirectory(WebApplicationBuilder builder, DatabaseOptions options)
    {
        var path = Path.GetFullPath(options.DataDirectory, builder.Environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }
}

public sealed class DatabaseOptions
{
    /// <summary>Sqlite (default) or PostgreSql.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Where the embedded SQLite file lives, relative to the content root.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// Batch concurrent dossier saves into one transaction (ADR 0011). Unset: on for SQLite, off for PostgreSQL
    /// (measured in ADR 0019).
    /// </summary>
    public bool? GroupCommit { get; set; }

    /// <summary>Most dossier changes one group-commit transaction carries.</summary>
    public int GroupCommitMaxBatch { get; set; } = 64;
}
