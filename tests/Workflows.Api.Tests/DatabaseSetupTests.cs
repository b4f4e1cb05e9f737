using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application.Ports;

namespace Workflows.Api.Tests;

/// <summary>Which dossier store the host's database settings give (ADR 0019: group commit by default on SQLite only).</summary>
public sealed class DatabaseSetupTests
{
    [Theory]
    [InlineData("Sqlite", null, "GroupCommitDossierStore")]
    [InlineData("Sqlite", "false", "EfDossierStore")]
    [InlineData("PostgreSql", null, "EfDossierStore")]
    [InlineData("PostgreSql", "true", "GroupCommitDossierStore")]
    public async Task Group_commit_is_on_by_default_for_sqlite_and_opt_in_for_postgresql(string provider, string? groupCommit, string expectedStore)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["ConnectionStrings:Workflows"] = provider == "Sqlite" ? "Data Source=:memory:" : "Host=localhost;Database=unused";
        if (groupCommit is not null)
        {
            builder.Configuration["Database:GroupCommit"] = groupCommit;
        }

        builder.AddWorkflowsDatabase();
        await using var services = builder.Services.BuildServiceProvider();

        services.GetRequiredService<IDossierStore>().GetType().Name.ShouldBe(expectedStore);
    }
}
