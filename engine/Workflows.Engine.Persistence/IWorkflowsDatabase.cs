using Microsoft.EntityFrameworkCore;

namespace Workflows.Engine.Persistence;

/// <summary>The database as a whole: what a host does with it at start-up.</summary>
public interface IWorkflowsDatabase
{
    /// <summary>Applies every migration not yet applied (creating the database on SQLite). Safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Whether the database answers now (readiness checks).</summary>
    Task<bool> CanConnectAsync(CancellationToken cancellationToken);
}

internal sealed class WorkflowsDatabase(IDbContextFactory<WorkflowsDbContext> contexts) : IWorkflowsDatabase
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Database.CanConnectAsync(cancellationToken);
    }
}
