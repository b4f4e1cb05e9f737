using System.Collections.Immutable;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Events;

namespace Workflows.Engine.Persistence.Runtime;

/// <summary>What became of a command sent to a dossier: done (and saved), or refused with a reason.</summary>
public abstract record CommandOutcome;

/// <param name="Replayed">True when an earlier request with the same idempotency key already did this.</param>
public sealed record CommandDone(InstanceState State, ImmutableArray<RecordedEvent> Events, bool Replayed = false) : CommandOutcome;

public sealed record CommandRefused(Rejection Rejection) : CommandOutcome
{
    /// <summary>Where the dossier may be submitted, when it was refused for being submitted elsewhere.</summary>
    public ImmutableArray<UnitRecord> CompetentUnits { get; init; } = [];
}
