namespace Workflows.Engine.Sla;

/// <summary>One rung of a procedure's escalation ladder: <see cref="Action"/> when the step is <see cref="After"/> its due instant.</summary>
public sealed record EscalationRung(WorkingOffset After, EscalationAction Action)
{
    /// <summary>For notify-unit-leader and reassign: the role to address instead of the procedure's leader role / the group.</summary>
    public string? Role { get; init; }
}
