using System.Collections.Immutable;

namespace Workflows.Engine.Definitions;

/// <summary>
/// Gives the dossier a number from one of the unit's registers when a person's step completes with one of
/// <see cref="Outcomes"/>: the receipt number at reception, the document number at issue. Numbers are gapless
/// per unit, register and year.
/// </summary>
/// <param name="Register">The register's name, e.g. "receipts" or "birth-certificates".</param>
/// <param name="Field">The form field (text) that receives the formatted number.</param>
/// <param name="Format">"{seq}" is the number, "{seq:000}" zero-pads it; "{year}" and "{unit}" also work.</param>
public sealed record NumberingRule(string Register, string Field, ImmutableArray<string> Outcomes, string Format)
{
    public const string DefaultFormat = "{seq}/{year}";
}
