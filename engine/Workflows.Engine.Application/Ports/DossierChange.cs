using System.Collections.Immutable;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;

namespace Workflows.Engine.Application.Ports;

/// <summary>
/// Everything one accepted command changes, written in one transaction: the new state (checked against the
/// version it was computed from), appended events, task and timer rows from the effects, and optionally
/// the idempotency key of the request that caused it.
/// </summary>
public sealed record DossierChange(InstanceState State, ImmutableArray<RecordedEvent> Events, ImmutableArray<Effect> Effects)
{
    public IdempotencyRecord? Idempotency { get; init; }

    /// <summary>File contents the new state refers to (uploads, produced forms); stored once each, in the same transaction.</summary>
    public ImmutableArray<StoredContent> Contents { get; init; } = [];

    /// <summary>
    /// Result PDF revisions the change produced (the draft and the signed revision of an approval, the sealed one of
    /// an issue), in the same transaction: a signed state never exists without its PDF, nor a PDF without its state.
    /// </summary>
    public ImmutableArray<StoredResultDocument> ResultDocuments { get; init; } = [];

    /// <summary>
    /// The state the change was decided on (null for a new dossier, or when the caller does not say). The store
    /// knows from it which timer rows exist (exactly the timers it holds) and writes them by key without reading.
    /// </summary>
    public InstanceState? Previous { get; init; }

    /// <summary>How to decide the command again on other register numbers; null when it takes none or cannot be (see <see cref="Renumbering"/>).</summary>
    public Renumbering? Renumbering { get; init; }

    /// <summary>The version the change was computed from: 0 for a new dossier.</summary>
    public long ExpectedVersion => State.Version - 1;

    public static DossierChange From(Accepted accepted) => new(accepted.State, accepted.Events, accepted.Effects);

    /// <summary>The change of a decision taken on <paramref name="previous"/> (see <see cref="Previous"/>).</summary>
    public static DossierChange From(Accepted accepted, InstanceState? previous) => From(accepted) with { Previous = previous };
}

/// <summary>Remembers that a request with this key (and body hash) produced this dossier, so a retry returns it.</summary>
public sealed record IdempotencyRecord(string Key, string RequestHash, Workflows.Engine.Identity.DossierId Dossier, DateTimeOffset At);
