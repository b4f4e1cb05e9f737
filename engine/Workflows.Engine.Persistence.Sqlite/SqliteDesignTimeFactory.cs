using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workflows.Engine.Persistence.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the model with the SQLite mapping (no database is touched).</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<WorkflowsDbContext>
{
    public WorkflowsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
        options.UseWorkflowsSqlite("Data Source=design-time.db");
        return new WorkflowsDbContext(options.Options);
    }
}
