using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Persistence.Sqlite;
using Workflows.Engine.Persistence.Tests.Contract;

namespace Workflows.Engine.Persistence.Tests.Sqlite;

/// <summary>The contract on the embedded default: a real SQLite file per test, in a folder that does not exist yet.</summary>
public sealed class SqlitePersistenceTests : PersistenceContractTests
{
    private readonly string root = System.IO.Directory.CreateTempSubdirectory("workflows-sqlite-").FullName;

    private string DatabaseFile => Path.Combine(root, "data", "workflows.db");

    private string ConnectionString => $"Data Source={DatabaseFile}";

    protected override ValueTask AddProviderAsync(IServiceCollection services)
    {
        services.AddWorkflowsSqlite(ConnectionString);
        return ValueTask.CompletedTask;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();

        // Pooled connections keep the file open; release them so the folder can go.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        System.IO.Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task Database_folder_is_created_and_the_journal_is_write_ahead()
    {
        File.Exists(DatabaseFile).ShouldBeTrue();
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        (await command.ExecuteScalarAsync(Ct)).ShouldBe("wal");
    }
}
