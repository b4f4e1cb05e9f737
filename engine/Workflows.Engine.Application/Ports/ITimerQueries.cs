using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Application.Ports;

/// <summary>A pending timer as stored: the database is the source of truth for due instants.</summary>
public sealed record TimerRecord(DossierId Dossier, int StepInstance, DateTimeOffset DueAt, TimerPurpose Purpose)
{
    /// <summary>The escalation rung for SLA escalation timers; 0 otherwise.</summary>
    public int Rung { get; init; }
}

public interface ITimerQueries
{
    /// <summary>Pending timers due at or before <paramref name="until"/>, soonest first.</summary>
    Task<IReadOnlyList<TimerRecord>> ListDueAsync(DateTimeOffset until, int take, CancellationToken cancellationToken);

    /// <summary>Distinct due instants after <paramref name="after"/>, soonest first: what a scheduler rebuilds its triggers from.</summary>
    Task<IReadOnlyList<DateTimeOffset>> ListDueInstantsAsync(DateTimeOffset after, int take, CancellationToken cancellationToken);

    /// <summary>How many timers are pending (operations, benchmarks).</summary>
    Task<int> CountAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Removes one timer row whose dossier no longer holds the timer (the core refused its delivery), so it is
    /// not delivered again. Removes nothing if the row is gone or its due instant changed meanwhile.
    /// </summary>
    Task DiscardAsync(TimerRecord timer, CancellationToken cancellationToken);
}
