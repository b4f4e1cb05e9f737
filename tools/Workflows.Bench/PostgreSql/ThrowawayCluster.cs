using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Workflows.Bench.PostgreSql;

/// <summary>
/// A PostgreSQL cluster the bench starts from the machine's own binaries (initdb, pg_ctl) and deletes at the
/// end. Adapted from the persistence tests' fixture (tests/Workflows.Engine.Persistence.Tests/PostgreSql) rather
/// than referenced, for two reasons (docs/adr/0009): a tool must not depend on a test project (xUnit, skips),
/// and the bench needs the opposite settings: the tests turn durability off for speed, the bench measures
/// durable commits, so fsync and synchronous_commit keep their production defaults here.
/// </summary>
public sealed class ThrowawayCluster : IAsyncDisposable
{
    private const string Prefix = "workflows-bench-pg-";
    private const string OwnerFile = "owner.pid";

    // Only what a throwaway cluster needs; everything that affects commit durability stays at the default
    // (fsync = on, synchronous_commit = on, full_page_writes = on, wal_sync_method = platform default).
    private const string Settings = """

        listen_addresses = '127.0.0.1'
        max_connections = 200
        """;

    private static readonly bool RunningAsRoot = Environment.UserName == "root";

    private readonly string binaries;
    private readonly string root;

    private ThrowawayCluster(string binaries, string root, int port)
    {
        this.binaries = binaries;
        this.root = root;
        Port = port;
    }

    public int Port { get; }

    public string Version { get; private set; } = "";

    private string DataDirectory => Path.Combine(root, "data");

    /// <summary>initdb and pg_ctl on PATH or under /usr/lib/postgresql/*/bin; null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var installed = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        return onPath.Concat(installed).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    public static async Task<ThrowawayCluster> StartAsync(string binaries, CancellationToken cancellationToken)
    {
        RemoveAbandoned(binaries);
        var root = System.IO.Directory.CreateTempSubdirectory(Prefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (RunningAsRoot)
        {
            // PostgreSQL refuses to run as root; the postgres user owns the cluster instead.
            await RunAsync("chown", ["postgres:postgres", root], asPostgres: false, cancellationToken);
        }

        var data = Path.Combine(root, "data");

        // --no-sync only skips flushing initdb's own files; the running server's commits stay durable.
        await RunAsync(Path.Combine(binaries, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], RunningAsRoot, cancellationToken);
        await File.AppendAllTextAsync(Path.Combine(data, "postgresql.conf"), Settings + $"\nunix_socket_directories = '{root}'\n", cancellationToken);

        // The free port can be taken between probing and binding; try a few.
        for (var attempt = 1; ; attempt++)
        {
            var cluster = new ThrowawayCluster(binaries, root, FreePort());
            try
            {
                await RunAsync(
                    Path.Combine(binaries, "pg_ctl"),
                    ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", $"-p {cluster.Port.ToString(CultureInfo.InvariantCulture)}", "start"],
                    RunningAsRoot,
                    cancellationToken);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAndDelete();
                cluster.Version = await cluster.ScalarAsync("SHOW server_version", cancellationToken);
                return cluster;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = 150,
    }.ConnectionString;

    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);

        // A name chosen by the bench, not input: nothing to inject. Identifiers cannot be parameters.
#pragma warning disable CA2100
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    /// <summary>The settings that decide what a commit costs, for the report.</summary>
    public async Task<string> DurabilitySettingsAsync(CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (var setting in (string[])["fsync", "synchronous_commit", "wal_sync_method", "full_page_writes", "commit_delay"])
        {
            parts.Add($"{setting}={await ScalarAsync($"SHOW {setting}", cancellationToken)}");
        }

        return string.Join(", ", parts);
    }

    public ValueTask DisposeAsync()
    {
        StopAndDelete();
        return ValueTask.CompletedTask;
    }

    private async Task<string> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
#pragma warning disable CA2100 // Fixed SHOW statements written above.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private void StopAndDelete()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], RunningAsRoot, CancellationToken.None)
                .ContinueWith(_ => { }, TaskScheduler.Default)
                .Wait(TimeSpan.FromSeconds(20));
        }

        try
        {
            System.IO.Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless and the next run removes it.
        }
    }

    /// <summary>A bench killed mid-run never ran its exit handler: stop clusters whose owner process is gone.</summary>
    private static void RemoveAbandoned(string binaries)
    {
        foreach (var root in System.IO.Directory.GetDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var owner = Path.Combine(root, OwnerFile);
            if (File.Exists(owner)
                && int.TryParse(File.ReadAllText(owner), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && !IsRunning(pid))
            {
                new ThrowawayCluster(binaries, root, 0).StopAndDelete();
            }
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

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var prefix in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(prefix);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            var message = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}.")
                .AppendLine().Append(await output).Append(await error);
            throw new InvalidOperationException(message.ToString());
        }
    }
}
