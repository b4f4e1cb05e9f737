namespace Workflows.Engine.Sla;

// The definition file's SLA parts, as written by people and the designer (see DefinitionDocument):
//   "sla": { "stepDueSoon": "1d", "dossierDueSoon": "3d", "leaderRole": "leader" },
//   "escalation": [ { "after": "-1d", "action": "notify-assignee" }, { "after": "4h", "action": "reassign", "role": "leader" } ]

public sealed record SlaDocument
{
    /// <summary>Working time before a step's due instant from which it is due soon; default "1d".</summary>
    public string? StepDueSoon { get; init; }

    /// <summary>Working time before the appointment from which the dossier is due soon; default "3d".</summary>
    public string? DossierDueSoon { get; init; }

    /// <summary>The role that leads a unit (notified of overdue dossiers); default "leader".</summary>
    public string? LeaderRole { get; init; }
}

public sealed record EscalationRungDocument
{
    /// <summary>Working-time offset from the step's due instant: "-1d", "0h", "4h", "1d".</summary>
    public string? After { get; init; }

    /// <summary>notify-assignee, notify-unit-leader, reassign, raise-priority or draft-apology.</summary>
    public string? Action { get; init; }

    public string? Role { get; init; }
}
