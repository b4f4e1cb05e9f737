using System.Collections.Immutable;

namespace Workflows.Engine.Sla;

/// <summary>The SLA part of a dossier's state: pending timers, and what recomputing the appointment needs.</summary>
public sealed record SlaState
{
    public static readonly SlaState Empty = new();

    public ImmutableList<SlaTimer> Timers { get; init; } = [];

    /// <summary>The appointment the dossier-level timers were planned for; a different appointment re-plans them.</summary>
    public DateTimeOffset? PlannedFor { get; init; }

    /// <summary>When the legal clock last started running (receipt, resumption, new appointment).</summary>
    public DateTimeOffset? ClockStartedAt { get; init; }

    /// <summary>Working time from <see cref="ClockStartedAt"/> to the appointment, as measured then; a calendar edit re-measures from here.</summary>
    public TimeSpan? ClockBudget { get; init; }

    /// <summary>Set once a new appointment (form 04) was given: the law allows it only once.</summary>
    public DateTimeOffset? NewAppointmentGivenAt { get; init; }

    /// <summary>The appointment promised at receipt, kept when a new appointment replaces it.</summary>
    public DateTimeOffset? OriginalAppointment { get; init; }
}
