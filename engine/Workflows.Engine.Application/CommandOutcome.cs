using System.Collections.Immutable;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Events;

namespace Workflows.Engine.Application;

/// <summary>What became of a command sent to a dossier: accepted (and saved), or rejected with a reason; the core's <c>Decision</c> words.</summary>
public abstract record CommandOutcome;

/// <param name="Replayed">True when an earlier request with the same idempotency key already did this.</param>
public sealed record CommandAccepted(InstanceState State, ImmutableArray<RecordedEvent> Events, bool Replayed = false) : CommandOutcome;

public sealed record CommandRejected(Rejection Rejection) : CommandOutcome
{
    /// <summary>Where the dossier may be submitted, when it was rejected for being submitted elsewhere.</summary>
    public ImmutableArray<UnitRecord> CompetentUnits { get; init; } = [];
}
