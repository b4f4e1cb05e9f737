using System.Globalization;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Validation;

/// <summary>Checks <c>competentUnits</c>: known kinds, units in the directory, nothing listed twice.</summary>
public static class CompetentUnitsValidator
{
    private const string At = "$.competentUnits";

    /// <param name="knownUnits">The unit directory; null skips the check that listed units exist.</param>
    public static IEnumerable<ValidationProblem> Validate(ProcedureDefinition definition, IReadOnlySet<UnitId>? knownUnits)
    {
        var competent = definition.CompetentUnits;
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < competent.Kinds.Length; i++)
        {
            var kind = competent.Kinds[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{At}.kinds[{i}]");
            if (!UnitKinds.All.Contains(kind))
            {
                yield return new ValidationProblem("unknown-unit-kind", at, $"\"{kind}\" is not a kind of unit; use one of {string.Join(", ", UnitKinds.All)}.");
            }
            else if (!kinds.Add(kind))
            {
                yield return new ValidationProblem("duplicate-competent-unit", at, $"The kind \"{kind}\" is listed twice.") { Severity = ProblemSeverity.Warning };
            }
        }

        var units = new HashSet<UnitId>();
        for (var i = 0; i < competent.Units.Length; i++)
        {
            var unit = competent.Units[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{At}.units[{i}]");
            if (knownUnits is not null && !knownUnits.Contains(unit))
            {
                yield return new ValidationProblem("unknown-unit", at, $"Unit '{unit}' may receive this procedure, but it is not in the unit directory.");
            }
            else if (!units.Add(unit))
            {
                yield return new ValidationProblem("duplicate-competent-unit", at, $"The unit '{unit}' is listed twice.") { Severity = ProblemSeverity.Warning };
            }
        }
    }
}
