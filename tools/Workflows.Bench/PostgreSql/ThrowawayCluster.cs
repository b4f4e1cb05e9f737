using Workflows.LocalPostgreSql;

namespace Workflows.Bench.PostgreSql;

/// <summary>
/// The PostgreSQL cluster the bench measures: started from the machine's own binaries and deleted at the end
/// (start-up code shared with the persistence tests, tools/Shared/LocalPostgreSqlCluster.cs). The tests turn
/// durability off for speed; the bench measures durable commits, so everything that affects a commit's cost
/// (fsync, synchronous_commit, full_page_writes, wal_sync_method) keeps its production default here.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private const string Settings = "max_connections = 200";

    private readonly LocalPostgreSqlCluster cluster;

    private ThrowawayCluster(LocalPostgreSqlCluster cluster, string version)
    {
        this.cluster = cluster;
        Version = version;
    }

    public int Port => cluster.Port;

    public string Version { get; }

    /// <summary>initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin; null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries() => LocalPostgreSqlCluster.FindBinaries();

    public static async Task<ThrowawayCluster> StartAsync(string binaries, CancellationToken cancellationToken)
    {
        var cluster = await LocalPostgreSqlCluster.StartAsync(binaries, "workflows-bench-pg-", Settings, cancellationToken);
        return new ThrowawayCluster(cluster, await cluster.ScalarAsync("SHOW server_version", cancellationToken));
    }

    public string ConnectionString(string database) => cluster.ConnectionString(database, maxPoolSize: 150);

    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await cluster.CreateDatabaseAsync(name, cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>The settings that decide what a commit costs, for the report.</summary>
    public async Task<string> DurabilitySettingsAsync(CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (var setting in (string[])["fsync", "synchronous_commit", "wal_sync_method", "full_page_writes", "commit_delay"])
        {
            parts.Add($"{setting}={await cluster.ScalarAsync($"SHOW {setting}", cancellationToken)}");
        }

        return string.Join(", ", parts);
    }

    public static int FreePort() => LocalPostgreSqlCluster.FreePort();

    public ValueTask DisposeAsync()
    {
        cluster.StopAndDelete();
        return ValueTask.CompletedTask;
    }
}
