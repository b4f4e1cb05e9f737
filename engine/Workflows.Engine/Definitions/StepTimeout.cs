using Workflows.Engine.Calendar;

namespace Workflows.Engine.Definitions;

/// <summary>
/// A task that closes itself: when <see cref="After"/> (working time from its opening; null: at the step's budget)
/// passes with nobody completing it, it completes with <see cref="Outcome"/> (e.g. a consultation nobody answered).
/// </summary>
public sealed record StepTimeout(WorkingDuration? After, string Outcome);
