namespace Workflows.Engine.Identity;

/// <summary>Identifies one dossier (and its workflow instance: a dossier has exactly one).</summary>
public readonly record struct DossierId
{
    public DossierId(Guid value)
    {
        if (value == Guid.Empty)
        {
            throw new ArgumentException("A dossier id cannot be empty.", nameof(value));
        }

        Value = value;
    }

    public Guid Value { get; }

    public static bool TryParse(string? text, out DossierId id)
    {
        id = default;
        if (!Guid.TryParse(text, out var guid) || guid == Guid.Empty)
        {
            return false;
        }

        id = new DossierId(guid);
        return true;
    }

    public override string ToString() => Value.ToString("D");
}
