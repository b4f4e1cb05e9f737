using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Workflows.LocalPostgreSql;

/// <summary>
/// A throwaway PostgreSQL cluster started from the machine's own binaries (initdb and pg_ctl on PATH or under
/// /usr/lib/postgresql/*/bin) and deleted when its owner stops or exits. One copy of the start-up code, linked
/// as source into the persistence tests' fixture and the bench (a tool must not reference a test project):
/// each passes its own settings, because the tests turn durability off for speed and the bench measures durable
/// commits. PostgreSQL refuses to run as root, so as root every command runs as the "postgres" user, who then
/// owns the cluster's folder.
/// </summary>
internal sealed class LocalPostgreSqlCluster
{
    private const string OwnerFile = "owner.pid";

    private static readonly bool RunningAsRoot = Environment.UserName == "root";

    private readonly string binaries;
    private readonly string root;

    private LocalPostgreSqlCluster(string binaries, string root, int port)
    {
        this.binaries = binaries;
        this.root = root;
        Port = port;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(root, "data");

    /// <summary>The folder holding initdb and pg_ctl, newest installed version first; null when PostgreSQL is not installed.</summary>
    public static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        return onPath.Concat(installed).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    /// <summary>
    /// Creates a cluster in a new temp folder named <paramref name="prefix"/>…, appends <paramref name="settings"/> to
    /// its postgresql.conf and starts it on a free loopback port. Clusters with the same prefix whose owning process
    /// is gone (killed before its exit handler ran) are stopped and deleted first, so they do not pile up.
    /// </summary>
    public static async Task<LocalPostgreSqlCluster> StartAsync(string binaries, string prefix, string settings, CancellationToken cancellationToken)
    {
        RemoveAbandoned(binaries, prefix);
        var root = Directory.CreateTempSubdirectory(prefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken);
        if (RunningAsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", root], asPostgres: false, cancellationToken);
        }

        var data = Path.Combine(root, "data");

        // --no-sync only skips flushing initdb's own files; the running server's commits follow the settings.
        await RunAsync(Path.Combine(binaries, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], RunningAsRoot, cancellationToken);
        await File.AppendAllTextAsync(
            Path.Combine(data, "postgresql.conf"),
            $"\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '{root}'\n{settings}\n",
            cancellationToken);

        // The free port can be taken between probing and binding; try a few.
        for (var attempt = 1; ; attempt++)
        {
            var cluster = new LocalPostgreSqlCluster(binaries, root, FreePort());
            try
            {
                await RunAsync(
                    Path.Combine(binaries, "pg_ctl"),
                    ["-D", data, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", $"-p {cluster.Port.ToString(CultureInfo.InvariantCulture)}", "start"],
                    RunningAsRoot,
                    cancellationToken);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.StopAndDelete();
                return cluster;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    public string ConnectionString(string database, int maxPoolSize = 100) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        MaxPoolSize = maxPoolSize,
    }.ConnectionString;

    /// <summary>Creates an empty database named <paramref name="name"/> (chosen by the caller, never user input).</summary>
    public async Task CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);

        // Identifiers cannot be parameters; the name comes from the caller's own code.
#pragma warning disable CA2100
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Answers a fixed query such as SHOW server_version on the postgres database.</summary>
    public async Task<string> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync(cancellationToken);
#pragma warning disable CA2100 // Fixed statements written by the callers.
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Stops the server at once (nothing in it needs a clean checkpoint) and deletes its folder; safe to call twice.</summary>
    public void StopAndDelete()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], RunningAsRoot, CancellationToken.None)
                .ContinueWith(_ => { }, TaskScheduler.Default)
                .Wait(TimeSpan.FromSeconds(20));
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless and the next start removes it.
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RemoveAbandoned(string binaries, string prefix)
    {
        foreach (var folder in Directory.GetDirectories(Path.GetTempPath(), prefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (File.Exists(owner)
                && int.TryParse(File.ReadAllText(owner), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && !IsRunning(pid))
            {
                new LocalPostgreSqlCluster(binaries, folder, 0).StopAndDelete();
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
