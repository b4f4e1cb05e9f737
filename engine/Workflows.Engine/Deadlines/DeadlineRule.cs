using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;

namespace Workflows.Engine.Deadlines;

/// <summary>
/// A deadline that replaces the procedure's own when a condition on the dossier's fields holds (<see cref="When"/>) or a
/// step was completed with an outcome (<see cref="Step"/> + <see cref="Outcome"/>), e.g. marriage registration: the same
/// day, but 5 working days when the conditions must be verified. Like the procedure deadline it counts from receipt.
/// </summary>
public sealed record DeadlineRule(WorkingDuration Deadline)
{
    /// <summary>A condition in the expression language over the form's fields, e.g. "needsVerification == true".</summary>
    public string? When { get; init; }

    /// <summary>With <see cref="Outcome"/>: the rule applies once this step is completed with that outcome.</summary>
    public StepId? Step { get; init; }

    public string? Outcome { get; init; }

    /// <summary>The legal ground, shown in history and on the forms (e.g. "Cần xác minh điều kiện kết hôn").</summary>
    public string? Reason { get; init; }

    /// <summary>How the rule reads to a person: its reason, else its condition or outcome.</summary>
    public string Describe() => Reason ?? When ?? $"'{Step}' completed with '{Outcome}'";
}
