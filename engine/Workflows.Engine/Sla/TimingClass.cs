namespace Workflows.Engine.Sla;

/// <summary>How a step or dossier stands against its due instant (form 05 columns; supervisors' reports).</summary>
public enum TimingClass
{
    /// <summary>Finished on a day before the due date.</summary>
    Early,

    /// <summary>Finished on the due date, not after the due instant.</summary>
    OnTime,

    /// <summary>Finished after the due instant.</summary>
    Late,

    /// <summary>In progress with more than the due-soon threshold left.</summary>
    WithinDeadline,

    /// <summary>In progress, within the due-soon threshold of the due instant.</summary>
    DueSoon,

    /// <summary>In progress past the due instant.</summary>
    Overdue,
}
