using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text;
using Workflows.Bench.Flow;
using Workflows.Bench.Persisted;
using Workflows.Bench.PostgreSql;

namespace Workflows.Bench.Http;

/// <summary>
/// The real host (engine/Workflows.Api, built alongside the bench) started as a child process on a loopback
/// port with its own SQLite file, seeded by its own start-up code: what a deployment runs, nothing replaced.
/// Before it starts, the bench adds its communes to that file's directory (<see cref="BirthRegistrationFlow.Communes"/>),
/// so virtual users spread over communes as the in-process workers do; the host's own seeding then runs as usual.
/// </summary>
public sealed class ApiHostProcess : IAsyncDisposable
{
    private readonly StringBuilder output = new();

    private ApiHostProcess(Process process, Uri address)
    {
        Process = process;
        Address = address;
    }

    public Process Process { get; }

    public Uri Address { get; }

    /// <summary>The host runs with its SQLite default, group commit on (ADR 0019): the HTTP ratio compares with the in-process rate of that mode.</summary>
    public const bool GroupCommit = true;

    public static string HostPath => typeof(ApiHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ApiHostPath").Value!;

    public static async Task<ApiHostProcess> StartAsync(string sqliteFile, BirthRegistrationFlow flow, CancellationToken cancellationToken)
    {
        var dll = HostPath;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The host is not built at {dll}; build the bench in the same configuration (dotnet run -c Release builds both).");
        }

        // Migrates the file, upserts the demo directory plus the bench communes and publishes birth-registration,
        // exactly as the host's seeder would (it finds them there and changes nothing).
        await (await BenchDatabase.OpenAsync(BenchProvider.Sqlite, $"Data Source={sqliteFile}", flow, TimeProvider.System, cancellationToken)).DisposeAsync();

        var port = ThrowawayCluster.FreePort();
        var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            dll,
            "--urls", address.ToString().TrimEnd('/'),
            "--Database:Provider=Sqlite",
            $"--Database:GroupCommit={(GroupCommit ? "true" : "false")}",
            $"--ConnectionStrings:Workflows=Data Source={sqliteFile}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.Hosting.Lifetime=Warning"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the Workflows host.");
        var host = new ApiHostProcess(process, address);
        process.OutputDataReceived += (_, e) => host.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => host.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        Process.Dispose();
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.GetTimestamp() + (60 * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (Process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow first answer; ask again.
            }

            await Task.Delay(100, cancellationToken);
        }

        string log;
        lock (output)
        {
            log = output.ToString();
        }

        throw new InvalidOperationException($"The Workflows host did not become ready at {Address}.{Environment.NewLine}{log}");
    }
}
