using Workflows.Engine.Execution.Effects;

namespace Workflows.Engine.Sla;

/// <summary>
/// A pending SLA timer as the dossier's state holds it: the bookmark a <c>SlaTimerFired</c> command must name.
/// Step instance 0 stands for the dossier itself (its appointment). Once fired or dropped it is gone, so a
/// second delivery of the same timer is refused and changes nothing.
/// </summary>
/// <param name="Rung">The rung index for <see cref="TimerPurpose.Escalation"/>; 0 otherwise.</param>
public sealed record SlaTimer(int StepInstance, TimerPurpose Purpose, int Rung, DateTimeOffset DueAt)
{
    public const int DossierInstance = 0;

    public bool Matches(int stepInstance, TimerPurpose purpose, int rung) =>
        StepInstance == stepInstance && Purpose == purpose && Rung == rung;
}
