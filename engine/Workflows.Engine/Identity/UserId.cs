namespace Workflows.Engine.Identity;

/// <summary>A person who issues commands (official, citizen) or the system itself.</summary>
public readonly record struct UserId
{
    public UserId(string value) => Value = Slug.Require(value, "user");

    public string Value { get; }

    public static bool TryParse(string? text, out UserId id)
    {
        id = Slug.IsValid(text) ? new UserId(text!) : default;
        return Slug.IsValid(text);
    }

    public override string ToString() => Value ?? "";
}
