namespace Workflows.Engine.Sla;

/// <summary>What a rung of the escalation ladder does when it is reached (docs/domain.md "Deadlines, pauses and budgets": escalation).</summary>
public enum EscalationAction
{
    /// <summary>Remind the official working the step (or, while unclaimed, everyone holding its role).</summary>
    NotifyAssignee,

    /// <summary>Tell the unit leader (the procedure's leader role in the step's unit).</summary>
    NotifyUnitLeader,

    /// <summary>Release the claim back to the group inbox, or hand the task to the rung's role.</summary>
    Reassign,

    /// <summary>Raise the task's priority by one so inboxes sort it first.</summary>
    RaisePriority,

    /// <summary>Draft the form 04 apology with a proposed new appointment for the leader to send.</summary>
    DraftApology,
}
