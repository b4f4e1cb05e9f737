namespace Workflows.Engine.Validation;

public enum ProblemSeverity
{
    Error,
    Warning,
}

/// <summary>
/// One thing wrong with a definition, located so a person (or the designer canvas) can go straight to it.
/// </summary>
/// <param name="Code">Stable machine code, e.g. "unreachable-step".</param>
/// <param name="Location">JSON path into the definition file, e.g. "$.steps[3].outcomes".</param>
/// <param name="Message">What is wrong and how to fix it.</param>
public sealed record ValidationProblem(string Code, string Location, string Message)
{
    public ProblemSeverity Severity { get; init; } = ProblemSeverity.Error;

    /// <summary>The step concerned, when there is one (the designer highlights it).</summary>
    public string? Step { get; init; }

    public override string ToString() => $"{Location}: {Message} [{Code}]";
}
