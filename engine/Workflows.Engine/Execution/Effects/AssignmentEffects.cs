namespace Workflows.Engine.Execution.Effects;

/// <summary>
/// Move the pool's round-robin cursor from <see cref="From"/> to <see cref="To"/>; the store refuses (a concurrency
/// conflict, so the command is decided again) unless the cursor still stands at <see cref="From"/>.
/// </summary>
public sealed record AdvanceAssignmentCursor(AssignmentPool Pool, long From, long To) : Effect;
