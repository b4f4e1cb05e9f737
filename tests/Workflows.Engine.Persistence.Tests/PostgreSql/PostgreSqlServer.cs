using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Workflows.Engine.Persistence.Tests.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL cluster for tests, started once per test process from the machine's own binaries
/// (initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin) and deleted when the process exits. Each
/// test asks for its own fresh database. Where no binaries exist, tests that need it are skipped, never
/// silently passed; set WORKFLOWS_REQUIRE_POSTGRES=1 to make that a failure instead (for CI).
/// </summary>
public sealed class PostgreSqlServer
{
    private const string ClusterPrefix = "workflows-pg-";
    private const string OwnerFile = "owner.pid";

    private static readonly Lazy<Task<PostgreSqlServer?>> Shared = new(StartAsync);

    private readonly PostgreSqlCluster cluster;
    private int databaseCount;

    private PostgreSqlServer(PostgreSqlCluster cluster) => this.cluster = cluster;

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
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);

        // A generated name, not input: nothing to inject. Identifiers cannot be parameters.
#pragma warning disable CA2100
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = cluster.Port,
        Username = "postgres",
        Database = database,
    }.ConnectionString;

    private static async Task<PostgreSqlServer?> StartAsync()
    {
        var binaries = FindBinaries();
        if (binaries is null)
        {
            return null;
        }

        RemoveAbandonedClusters(binaries);
        var root = Directory.CreateTempSubdirectory(ClusterPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        var cluster = await PostgreSqlCluster.CreateAsync(binaries, root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAndDelete();
        return new PostgreSqlServer(cluster);
    }

    private static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(VersionOf).Select(d => Path.Combine(d, "bin"))
            : [];
        return onPath.Concat(installed).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static int VersionOf(string directory) =>
        int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;

    /// <summary>
    /// A test process that was killed never ran its exit handler; its cluster would keep running and hold a
    /// port. Stop and delete clusters whose owning process is gone.
    /// </summary>
    private static void RemoveAbandonedClusters(string binaries)
    {
        foreach (var root in Directory.GetDirectories(Path.GetTempPath(), ClusterPrefix + "*"))
        {
            var owner = Path.Combine(root, OwnerFile);
            if (!File.Exists(owner)
                || !int.TryParse(File.ReadAllText(owner), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || IsRunning(pid))
            {
                continue;
            }

            new PostgreSqlCluster(binaries, root, port: 0).StopAndDelete();
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
