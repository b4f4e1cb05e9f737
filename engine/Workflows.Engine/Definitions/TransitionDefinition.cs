namespace Workflows.Engine.Definitions;

/// <summary>
/// An arrow between two steps. From a person's step it belongs to one <see cref="Outcome"/>;
/// from a gateway it carries a <see cref="Condition"/> or is the <see cref="IsDefault"/> branch;
/// from the other kinds it is unconditional.
/// </summary>
public sealed record TransitionDefinition(StepId From, StepId To)
{
    public string? Outcome { get; init; }

    public string? Condition { get; init; }

    public bool IsDefault { get; init; }
}
