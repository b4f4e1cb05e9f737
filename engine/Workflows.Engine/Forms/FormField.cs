using System.Collections.Immutable;

namespace Workflows.Engine.Forms;

/// <summary>One field of the dossier form.</summary>
public sealed record FormField(string Key, string Label, FieldType Type)
{
    /// <summary>Must be present when the dossier is submitted.</summary>
    public bool Required { get; init; }

    /// <summary>Allowed values of a <see cref="FieldType.Select"/> field.</summary>
    public ImmutableArray<string> Options { get; init; } = [];

    /// <summary>Longest accepted text; texts are capped so one dossier cannot bloat the database.</summary>
    public int MaxLength { get; init; } = 1000;

    /// <summary>
    /// Who may write the field. When a definition does not say, it is derived: a register's number field is the
    /// system's, a field some step lists is the steps', any other is the applicant's.
    /// </summary>
    public FieldWriter WrittenBy { get; init; } = FieldWriter.Applicant;

    /// <summary>On a national-ID field: the fields the population registry fills from the number (null: none).</summary>
    public RegistryAutoFill? AutoFill { get; init; }
}
