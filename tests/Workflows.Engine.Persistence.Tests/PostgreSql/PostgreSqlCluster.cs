using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Workflows.Engine.Persistence.Tests.PostgreSql;

/// <summary>
/// One cluster directory driven through initdb and pg_ctl. PostgreSQL refuses to run as root, so when the
/// tests run as root every command runs as the "postgres" user, who owns the directory.
/// </summary>
internal sealed class PostgreSqlCluster(string binaries, string root, int port)
{
    // Durability is pointless for a cluster deleted at exit; skipping fsync makes CREATE DATABASE fast.
    private const string Settings = """

        listen_addresses = '127.0.0.1'
        fsync = off
        synchronous_commit = off
        full_page_writes = off
        max_connections = 300
        """;

    private static readonly bool RunningAsRoot = Environment.UserName == "root";

    public int Port { get; private set; } = port;

    private string DataDirectory => Path.Combine(root, "data");

    public static async Task<PostgreSqlCluster> CreateAsync(string binaries, string root)
    {
        var cluster = new PostgreSqlCluster(binaries, root, port: 0);
        if (RunningAsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", root], asPostgres: false);
        }

        await cluster.PgAsync("initdb", ["-D", cluster.DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        await File.AppendAllTextAsync(
            Path.Combine(cluster.DataDirectory, "postgresql.conf"),
            Settings + $"\nunix_socket_directories = '{root}'\n");

        // The free port can be taken between probing and binding; try a few.
        for (var attempt = 1; ; attempt++)
        {
            cluster.Port = PostgreSqlServer.FreePort();
            try
            {
                await cluster.PgAsync("pg_ctl", ["-D", cluster.DataDirectory, "-l", Path.Combine(root, "server.log"), "-w", "-t", "60", "-o", $"-p {cluster.Port.ToString(CultureInfo.InvariantCulture)}", "start"]);
                return cluster;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    /// <summary>Runs at process exit (synchronously, as exit handlers must) and for abandoned clusters.</summary>
    public void StopAndDelete()
    {
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            // Immediate: nothing in it needs a clean shutdown checkpoint.
            RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], RunningAsRoot)
                .ContinueWith(_ => { }, TaskScheduler.Default)
                .Wait(TimeSpan.FromSeconds(20));
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless and the next run retries.
        }
    }

    private Task PgAsync(string tool, IReadOnlyList<string> arguments) =>
        RunAsync(Path.Combine(binaries, tool), arguments, RunningAsRoot);

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
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
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var message = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}.")
                .AppendLine().Append(await output).Append(await error);
            throw new InvalidOperationException(message.ToString());
        }
    }
}
