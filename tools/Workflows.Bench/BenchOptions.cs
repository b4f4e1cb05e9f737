using System.Collections.Immutable;
using System.Globalization;

namespace Workflows.Bench;

/// <summary>Which areas to run.</summary>
[Flags]
public enum BenchArea
{
    None = 0,
    Engine = 1,
    Sqlite = 2,
    PostgreSql = 4,
    Http = 8,
    Timers = 16,
    Signing = 32,
    All = Engine | Sqlite | PostgreSql | Http | Timers | Signing,
}

/// <summary>
/// Sizes of one run. The full run is the published one (a few minutes); the smoke run proves in seconds that
/// every path still works (CI), with no thresholds because two seconds of load measure nothing.
/// <see cref="HostWarmUpLimit"/> bounds the unreported load the HTTP host gets before its first measured row: on
/// two busy cores tiered JIT keeps recompiling for about a minute after start, and a figure taken inside that
/// minute measures the JIT, not the host (docs/benchmarks.md shows the curve).
/// </summary>
public sealed record BenchSizes(
    TimeSpan EngineWarmUp,
    TimeSpan EngineDuration,
    TimeSpan WarmUp,
    TimeSpan Duration,
    TimeSpan CeilingDuration,
    ImmutableArray<int> Workers,
    ImmutableArray<int> VirtualUsers,
    int TimersPending,
    TimeSpan HostWarmUpLimit)
{
    public static readonly BenchSizes Full = new(
        TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(5), [1, 4, 16], [1, 10, 50], 100_000, TimeSpan.FromSeconds(120));

    public static readonly BenchSizes Smoke = new(
        TimeSpan.FromSeconds(0.2), TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(0.7), TimeSpan.FromSeconds(0.5), [1, 4], [1, 4], 1_000, TimeSpan.Zero);
}

public sealed record BenchOptions
{
    public string Verb { get; init; } = "run";

    public bool Smoke { get; init; }

    public bool WriteDocs { get; init; }

    public BenchArea Areas { get; init; } = BenchArea.All;

    public int Dossiers { get; init; } = 10_000;

    public string? Database { get; init; }

    public string Provider { get; init; } = "sqlite";

    /// <summary>Arguments after `micro`, handed to BenchmarkDotNet as they are.</summary>
    public ImmutableArray<string> MicroArguments { get; init; } = [];

    public BenchSizes Sizes => Smoke ? BenchSizes.Smoke : BenchSizes.Full;

    public const string Usage = """
        Workflows.Bench: performance figures for docs/benchmarks.md, measured side by side in one run.

          dotnet run --project tools/Workflows.Bench -c Release [-- options]
            --smoke                 tiny sizes (seconds), for CI: proves every path runs, no thresholds
            --write-docs            rewrite the generated tables in docs/benchmarks.md
            --only a,b              areas: engine, sqlite, postgresql, http, timers, signing (default: all)
          dotnet run --project tools/Workflows.Bench -c Release -- micro [BenchmarkDotNet args]
          dotnet run --project tools/Workflows.Bench -c Release -- generate --dossiers N --database <cs> --provider sqlite|postgresql
          dotnet run --project tools/Workflows.Bench -c Release -- calendar   (1M working-time Add calls)
        """;

    public static (BenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        var i = 0;
        if (args.Count > 0 && args[0] is "micro" or "generate" or "run" or "calendar")
        {
            options = options with { Verb = args[0] };
            i = 1;
            if (options.Verb == "micro")
            {
                return (options with { MicroArguments = [.. args.Skip(1)] }, null);
            }
        }

        for (; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            try
            {
                switch (args[i])
                {
                    case "--smoke":
                        options = options with { Smoke = true };
                        break;
                    case "--write-docs":
                        options = options with { WriteDocs = true };
                        break;
                    case "--only":
                        options = options with { Areas = ParseAreas(Value()) };
                        break;
                    case "--dossiers":
                        options = options with { Dossiers = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) };
                        break;
                    case "--database":
                        options = options with { Database = Value() };
                        break;
                    case "--provider":
                        options = options with { Provider = Value().ToLowerInvariant() };
                        break;
                    case "-h" or "--help":
                        return (null, null);
                    default:
                        return (null, $"Unknown argument '{args[i]}'.");
                }
            }
            catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
            {
                return (null, e.Message);
            }
        }

        if (options.Smoke && options.WriteDocs)
        {
            return (null, "--write-docs publishes figures; a --smoke run's figures are not worth publishing.");
        }

        return (options, null);
    }

    private static BenchArea ParseAreas(string list) => list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Aggregate(BenchArea.None, (areas, name) => areas | (Enum.TryParse<BenchArea>(name, ignoreCase: true, out var area)
            ? area
            : throw new ArgumentException($"--only: unknown area '{name}' (engine, sqlite, postgresql, http, timers, signing).")));
}
