using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Workflows.Bench.Measuring;

namespace Workflows.Bench.Persisted;

/// <summary>
/// The most the database can do for us: its rate of single-row durable commits at the same concurrency, with
/// nothing of ours in between. Every persisted figure is read against it (issue 9).
/// </summary>
public static class Ceilings
{
    /// <summary>
    /// SQLite: a minimal insert + update per transaction (BEGIN IMMEDIATE, like EF's transactions on
    /// Microsoft.Data.Sqlite), WAL journal, and the synchronous level the app's connections actually run with.
    /// </summary>
    public static async Task<LoadResult> SqliteAsync(string connectionString, int workers, long synchronous, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        var pragmas = string.Create(CultureInfo.InvariantCulture, $"PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous={synchronous};");
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync(cancellationToken);
            await ExecuteAsync(setup, pragmas + """
                CREATE TABLE IF NOT EXISTS bench_ceiling_counter (worker INTEGER PRIMARY KEY, n INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS bench_ceiling_log (id INTEGER PRIMARY KEY AUTOINCREMENT, worker INTEGER NOT NULL, n INTEGER NOT NULL);
                """, cancellationToken);
            for (var w = 0; w < workers; w++)
            {
                await ExecuteAsync(setup, string.Create(CultureInfo.InvariantCulture, $"INSERT OR IGNORE INTO bench_ceiling_counter VALUES ({w}, 0);"), cancellationToken);
            }
        }

        var connections = new SqliteConnection[workers];
        try
        {
            for (var w = 0; w < workers; w++)
            {
                connections[w] = new SqliteConnection(connectionString);
                await connections[w].OpenAsync(cancellationToken);
                await ExecuteAsync(connections[w], pragmas, cancellationToken);
            }

            return await LoadRun.RunAsync(
                workers,
                warmUp,
                duration,
                async (worker, record, ct) =>
                {
                    await record.TimeAsync("commit", async () =>
                    {
                        var connection = connections[worker];
                        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
                        await using var command = connection.CreateCommand();
                        command.Transaction = transaction;
                        command.CommandText = "INSERT INTO bench_ceiling_log (worker, n) VALUES ($w, 1); UPDATE bench_ceiling_counter SET n = n + 1 WHERE worker = $w;";
                        command.Parameters.AddWithValue("$w", worker);
                        await command.ExecuteNonQueryAsync(ct);
                        await transaction.CommitAsync(ct);
                        return 0;
                    });
                },
                memory: null,
                cancellationToken);
        }
        finally
        {
            foreach (var connection in connections.OfType<SqliteConnection>())
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>The synchronous level (0 off, 1 normal, 2 full, 3 extra) of a connection opened the way the app opens one.</summary>
    public static async Task<long> AppSqliteSynchronousAsync(BenchDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = await database.CreateContextAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// PostgreSQL: pgbench-style single-row UPDATE of a random account per transaction (autocommit), one open
    /// connection per worker, on a 100,000-row accounts table.
    /// </summary>
    public static async Task<LoadResult> PostgreSqlAsync(string connectionString, int workers, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        const int Accounts = 100_000;
        await using var source = NpgsqlDataSource.Create(connectionString);
        await using (var setup = source.CreateCommand("""
            CREATE TABLE IF NOT EXISTS bench_accounts (aid integer PRIMARY KEY, abalance integer NOT NULL);
            INSERT INTO bench_accounts SELECT g, 0 FROM generate_series(1, 100000) g ON CONFLICT DO NOTHING;
            """))
        {
            await setup.ExecuteNonQueryAsync(cancellationToken);
        }

        var connections = new NpgsqlConnection[workers];
        try
        {
            for (var w = 0; w < workers; w++)
            {
                connections[w] = await source.OpenConnectionAsync(cancellationToken);
            }

            return await LoadRun.RunAsync(
                workers,
                warmUp,
                duration,
                async (worker, record, ct) =>
                {
                    await record.TimeAsync("commit", async () =>
                    {
                        await using var command = new NpgsqlCommand("UPDATE bench_accounts SET abalance = abalance + $1 WHERE aid = $2", connections[worker]);
#pragma warning disable CA5394 // Load spreading, not security.
                        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Random.Shared.Next(-5000, 5000) });
                        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = Random.Shared.Next(1, Accounts + 1) });
#pragma warning restore CA5394
                        return await command.ExecuteNonQueryAsync(ct);
                    });
                },
                memory: null,
                cancellationToken);
        }
        finally
        {
            foreach (var connection in connections.OfType<NpgsqlConnection>())
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // Fixed statements of the bench.
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
