using Workflows.Engine.Identity;

namespace Workflows.Engine.Definitions;

/// <summary>A step's id, unique within one procedure definition, e.g. "appraise".</summary>
public readonly record struct StepId
{
    public StepId(string value) => Value = Slug.Require(value, "step");

    public string Value { get; }

    public override string ToString() => Value ?? "";
}
