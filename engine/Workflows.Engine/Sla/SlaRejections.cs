namespace Workflows.Engine.Sla;

/// <summary>Rejection codes of the SLA commands (see <see cref="Execution.RejectionCodes"/> for the others).</summary>
public static class SlaRejections
{
    public const string TimerNotDue = "timer-not-due";
    public const string AppointmentAlreadyRescheduled = "appointment-already-rescheduled";
    public const string ApologyTooLate = "apology-too-late";
    public const string ClockNotRunning = "clock-not-running";
}
