using System.Diagnostics;

namespace Workflows.Bench.Measuring;

/// <summary>
/// Latencies of one worker by command kind, in Stopwatch ticks. Not thread-safe on purpose: each worker owns
/// one and they are merged after the run, so recording costs no synchronization.
/// </summary>
public sealed class LatencySamples
{
    private readonly Dictionary<string, List<long>> byKind = new(StringComparer.Ordinal);

    public IEnumerable<string> Kinds => byKind.Keys;

    public int Count => byKind.Values.Sum(l => l.Count);

    public void Add(string kind, long ticks)
    {
        if (!byKind.TryGetValue(kind, out var list))
        {
            byKind[kind] = list = new List<long>(4096);
        }

        list.Add(ticks);
    }

    public int CountOf(string kind) => byKind.TryGetValue(kind, out var list) ? list.Count : 0;

    public static LatencySamples Merge(IEnumerable<LatencySamples> parts)
    {
        var merged = new LatencySamples();
        foreach (var part in parts)
        {
            foreach (var (kind, list) in part.byKind)
            {
                foreach (var ticks in list)
                {
                    merged.Add(kind, ticks);
                }
            }
        }

        return merged;
    }

    /// <summary>p50, p95, p99 (nearest rank) in milliseconds; NaN when nothing was recorded.</summary>
    public Percentiles Percentiles(string kind) =>
        Of(byKind.TryGetValue(kind, out var list) ? list : []);

    /// <summary>Percentiles over every command, whatever its kind.</summary>
    public Percentiles PercentilesOfAll() => Of([.. byKind.Values.SelectMany(l => l)]);

    private static Percentiles Of(List<long> list)
    {
        if (list.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN);
        }

        var sorted = list.ToArray();
        Array.Sort(sorted);
        return new Percentiles(Rank(sorted, 0.50), Rank(sorted, 0.95), Rank(sorted, 0.99));
    }

    private static double Rank(long[] sorted, double p)
    {
        var index = Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] * 1000.0 / Stopwatch.Frequency;
    }
}

public readonly record struct Percentiles(double P50, double P95, double P99);
