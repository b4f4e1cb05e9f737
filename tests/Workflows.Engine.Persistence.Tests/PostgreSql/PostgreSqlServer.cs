using System.Globalization;
using Workflows.LocalPostgreSql;

namespace Workflows.Engine.Persistence.Tests.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL cluster for tests, started once per test process from the machine's own binaries
/// (initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin) and deleted when the process exits. Each
/// test asks for its own fresh database. Where no binaries exist, tests that need it are skipped, never
/// silently passed; set WORKFLOWS_REQUIRE_POSTGRES=1 to make that a failure instead (for CI).
/// </summary>
public sealed class PostgreSqlServer
{
    // Durability is pointless for a cluster deleted at exit; skipping fsync makes CREATE DATABASE fast.
    private const string Settings = """
        fsync = off
        synchronous_commit = off
        full_page_writes = off
        max_connections = 300
        """;

    private static readonly Lazy<Task<PostgreSqlServer?>> Shared = new(StartAsync);

    private readonly LocalPostgreSqlCluster cluster;
    private int databaseCount;

    private PostgreSqlServer(LocalPostgreSqlCluster cluster) => this.cluster = cluster;

    public int Port => cluster.Port;

    /// <summary>The shared cluster, started on first use; skips the calling test when PostgreSQL is not installed.</summary>
    public static async Task<PostgreSqlServer> StartOrSkipAsync()
    {
        var server = await Shared.Value;
        if (server is not null)
        {
            return server;
        }

        const string Missing = "no initdb/pg_ctl on PATH or under /usr/lib/postgresql/*/bin (apt-get install postgresql)";
        if (Environment.GetEnvironmentVariable("WORKFLOWS_REQUIRE_POSTGRES") == "1")
        {
            Assert.Fail($"PostgreSQL is required (WORKFLOWS_REQUIRE_POSTGRES=1) but there is {Missing}.");
        }

        Assert.Skip($"PostgreSQL tests skipped: {Missing}.");
        return null!;
    }

    /// <summary>Creates an empty database and returns an Npgsql connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"test_{Interlocked.Increment(ref databaseCount)}_{Environment.ProcessId}");
        await cluster.CreateDatabaseAsync(name, cancellationToken);
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => cluster.ConnectionString(database);

    private static async Task<PostgreSqlServer?> StartAsync()
    {
        var binaries = LocalPostgreSqlCluster.FindBinaries();
        return binaries is null
            ? null
            : new PostgreSqlServer(await LocalPostgreSqlCluster.StartAsync(binaries, "workflows-pg-", Settings, CancellationToken.None));
    }
}
