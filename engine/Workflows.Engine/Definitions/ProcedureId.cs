using Workflows.Engine.Identity;

namespace Workflows.Engine.Definitions;

/// <summary>The stable id of a procedure across all its versions, e.g. "birth-registration".</summary>
public readonly record struct ProcedureId
{
    public ProcedureId(string value) => Value = Slug.Require(value, "procedure");

    public string Value { get; }

    public static bool TryParse(string? text, out ProcedureId id)
    {
        id = Slug.IsValid(text) ? new ProcedureId(text!) : default;
        return Slug.IsValid(text);
    }

    public override string ToString() => Value ?? "";
}
