using System.Collections.Immutable;
using System.Globalization;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Definitions;

/// <summary>
/// Which units may receive and decide a procedure's dossiers: units of the listed kinds (every commune for birth
/// registration) and the listed units themselves (the Department of Justice for criminal records). A dossier
/// belongs to the unit it is submitted at, and every step without a fixed unit is worked there, so a submission
/// anywhere else would open tasks for roles nobody holds: it is refused. Unrestricted when nothing is listed.
/// </summary>
public sealed record CompetentUnits
{
    public static CompetentUnits Anywhere { get; } = new();

    /// <summary>Unit kinds as the directory writes them (see <see cref="UnitKinds"/>).</summary>
    public ImmutableArray<string> Kinds { get; init; } = [];

    public ImmutableArray<UnitId> Units { get; init; } = [];

    public bool IsRestricted => !Kinds.IsDefaultOrEmpty || !Units.IsDefaultOrEmpty;

    /// <param name="unitKind">The unit's kind from the directory; null when the unit is not in it.</param>
    public bool Admits(UnitId unit, string? unitKind) =>
        !IsRestricted || Units.Contains(unit) || (unitKind is not null && Kinds.Contains(unitKind, StringComparer.Ordinal));

    /// <summary>"units of kind commune", "unit so-tu-phap", or both, for messages.</summary>
    public string Describe() => string.Join(" and ", new[]
    {
        Kinds.IsDefaultOrEmpty ? null : "units of kind " + string.Join(", ", Kinds),
        Units.IsDefaultOrEmpty ? null : (Units.Length == 1 ? "unit " : "units ") + string.Join(", ", Units),
    }.OfType<string>());
}

/// <summary>The kinds of organizational unit (two-level local government: province and commune).</summary>
public static class UnitKinds
{
    public static ImmutableArray<string> All { get; } = ["province", "department", "division", "service-center", "commune", "agency"];
}

/// <summary>The definition file's <c>"competentUnits": { "kinds": ["commune"], "units": ["so-tu-phap"] }</c>.</summary>
public sealed record CompetentUnitsDocument
{
    public List<string>? Kinds { get; init; }

    public List<string>? Units { get; init; }
}

/// <summary>Maps <see cref="CompetentUnitsDocument"/> to <see cref="CompetentUnits"/> and back, reporting each bad value where it is.</summary>
public static class CompetentUnitsJson
{
    private const string At = "$.competentUnits";

    /// <param name="problem">Receives (code, location, message) for every bad value.</param>
    public static CompetentUnits Map(CompetentUnitsDocument? document, Action<string, string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (document is null)
        {
            return CompetentUnits.Anywhere;
        }

        if ((document.Kinds?.Count ?? 0) == 0 && (document.Units?.Count ?? 0) == 0)
        {
            // An empty object is a half-written restriction, not "anywhere": say so rather than admit every unit.
            problem("empty-competent-units", At,
                "List the unit kinds (e.g. \"kinds\": [\"commune\"]) or the units that may receive and decide this procedure, or remove \"competentUnits\" to allow every unit.");
        }

        var units = ImmutableArray.CreateBuilder<UnitId>();
        for (var i = 0; i < (document.Units?.Count ?? 0); i++)
        {
            if (UnitId.TryParse(document.Units![i], out var unit))
            {
                units.Add(unit);
            }
            else
            {
                problem("invalid-unit", string.Create(CultureInfo.InvariantCulture, $"{At}.units[{i}]"), Slug.Describe(document.Units[i], "unit"));
            }
        }

        return new CompetentUnits { Kinds = [.. document.Kinds ?? []], Units = units.ToImmutable() };
    }

    public static CompetentUnitsDocument? ToDocument(CompetentUnits competent) => competent.IsRestricted
        ? new CompetentUnitsDocument
        {
            Kinds = competent.Kinds.IsDefaultOrEmpty ? null : [.. competent.Kinds],
            Units = competent.Units.IsDefaultOrEmpty ? null : [.. competent.Units.Select(u => u.Value)],
        }
        : null;
}
