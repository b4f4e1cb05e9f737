namespace Workflows.Engine.Forms;

/// <summary>The kinds of value a dossier form field holds.</summary>
public enum FieldType
{
    Text,
    Number,
    Boolean,

    /// <summary>A legal date, written yyyy-MM-dd.</summary>
    Date,

    /// <summary>One of the field's options.</summary>
    Select,

    /// <summary>A 12-digit citizen identity number (CCCD); may name the fields the population registry fills (<see cref="FormField.AutoFill"/>).</summary>
    NationalId,

    /// <summary>A postal address as free text (structured addresses come with online submission).</summary>
    Address,

    /// <summary>An official's user id (e.g. the specialist a leader assigns); the step that uses it checks who may hold it.</summary>
    User,
}
