using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution;

/// <summary>One numbering register: a unit's, by name, for one calendar year (numbers restart each year).</summary>
public readonly record struct RegisterKey(UnitId Unit, string Register, int Year)
{
    public override string ToString() => $"{Unit}/{Register}/{Year.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>
/// The last number issued in each register, read by the runtime before deciding. The core takes the next one
/// and asks the store (through a <see cref="Effects.ConsumeNumber"/> effect) to record it only if nobody took
/// it meanwhile, which keeps numbers gapless under concurrency without any I/O in the core.
/// </summary>
public sealed record RegisterSnapshot(ImmutableDictionary<RegisterKey, long> Last)
{
    public static readonly RegisterSnapshot Empty = new(ImmutableDictionary<RegisterKey, long>.Empty);

    public long LastOf(RegisterKey key) => Last.GetValueOrDefault(key);
}

public static partial class NumberFormat
{
    /// <summary>Fills "{seq}", "{seq:000}", "{year}" and "{unit}" in a numbering format.</summary>
    public static string Apply(string format, long sequence, RegisterKey key) =>
        Placeholder().Replace(format, m => m.Groups["name"].Value switch
        {
            "seq" => sequence.ToString(m.Groups["pad"].Success ? m.Groups["pad"].Value : "0", CultureInfo.InvariantCulture),
            "year" => key.Year.ToString(CultureInfo.InvariantCulture),
            "unit" => key.Unit.Value,
            _ => m.Value,
        });

    [GeneratedRegex(@"\{(?<name>seq|year|unit)(:(?<pad>0+))?\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}
