using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Workflows.Engine.Persistence.PostgreSql;

/// <summary>Lets `dotnet ef migrations add` build the model with the PostgreSQL mapping (no server is contacted).</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<WorkflowsDbContext>
{
    public WorkflowsDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<WorkflowsDbContext>();
        options.UseWorkflowsPostgreSql("Host=localhost;Database=workflows");
        return new WorkflowsDbContext(options.Options);
    }
}
