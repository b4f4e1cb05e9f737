namespace Workflows.Engine.Identity;

/// <summary>An organizational unit (province, department, commune, service center); units form a tree.</summary>
public readonly record struct UnitId
{
    public UnitId(string value) => Value = Slug.Require(value, "unit");

    public string Value { get; }

    public static bool TryParse(string? text, out UnitId id)
    {
        id = Slug.IsValid(text) ? new UnitId(text!) : default;
        return Slug.IsValid(text);
    }

    public override string ToString() => Value ?? "";
}
