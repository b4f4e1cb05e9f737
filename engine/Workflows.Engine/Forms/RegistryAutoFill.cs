using System.Collections.Immutable;

namespace Workflows.Engine.Forms;

/// <summary>A registry a national-ID field can fill other fields from once the citizen's identity is confirmed.</summary>
public enum AutoFillSource
{
    /// <summary>The national population database (Cơ sở dữ liệu quốc gia về dân cư), looked up by the 12-digit CCCD.</summary>
    PopulationRegistry,
}

/// <summary>What the population registry holds about a citizen (one datum each), as far as forms need it.</summary>
public enum RegistryDatum
{
    FullName,
    BirthDate,
    Sex,
    Nationality,
    Hometown,
    PermanentAddress,
    CurrentAddress,
}

/// <summary>
/// Set on a <see cref="FieldType.NationalId"/> field: when the number is entered, which form fields the registry
/// fills and from which of its attributes. The definition says what to fill; the lookup itself belongs to the
/// online-submission and desk adapters, so the pure core only checks that the mapping makes sense.
/// </summary>
public sealed record RegistryAutoFill(AutoFillSource Source, ImmutableSortedDictionary<string, RegistryDatum> Fills)
{
    /// <summary>The field types a registry attribute can be written into.</summary>
    public static ImmutableArray<FieldType> TargetTypesOf(RegistryDatum attribute) => attribute switch
    {
        RegistryDatum.BirthDate => [FieldType.Date],
        RegistryDatum.Sex => [FieldType.Select, FieldType.Text],
        RegistryDatum.PermanentAddress or RegistryDatum.CurrentAddress => [FieldType.Address, FieldType.Text],
        _ => [FieldType.Text],
    };
}
