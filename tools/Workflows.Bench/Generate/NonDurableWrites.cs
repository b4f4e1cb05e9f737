using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Workflows.Bench.Generate;

/// <summary>
/// Generated data need not survive a power cut, and a million dossiers at one flushed commit each would take
/// hours: the generator turns the per-commit flush off (SQLite synchronous=OFF, PostgreSQL
/// synchronous_commit=off). Load runs never use this; they measure durable commits.
/// </summary>
public sealed class NonDurableWrites : DbConnectionInterceptor
{
    public static readonly NonDurableWrites Instance = new();

    private NonDurableWrites()
    {
    }

    public static string PostgreSql(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Options = "-c synchronous_commit=off" }.ConnectionString;

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            var command = connection.CreateCommand();
            await using (command.ConfigureAwait(false))
            {
                command.CommandText = "PRAGMA synchronous=OFF;";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }
}
