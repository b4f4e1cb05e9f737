using Workflows.Engine.Identity;

namespace Workflows.Engine.Application.Ports;

/// <summary>The event types a form may be printed for: the store queues them for the producer as it writes them.</summary>
public static class FormTriggers
{
    public static readonly System.Collections.Immutable.ImmutableArray<string> EventTypes = ["status-changed", "dossier-completed", "appointment-rescheduled"];
}

/// <summary>A committed event that may call for a form (receipt, supplement request, refusal, new appointment).</summary>
public sealed record FormTrigger(DossierId Dossier, long Sequence, string EventType);

/// <summary>A form produced for a dossier from one of its events; the PDF is in the content store under <see cref="Sha256"/>.</summary>
public sealed record DossierForm(DossierId Dossier, string Form, long EventSequence, string Sha256, long Size, DateTimeOffset CreatedAt);

/// <summary>
/// The forms produced from dossier events (Circular 01/2018 forms 01–04). One row per candidate event, keyed by
/// (dossier, event sequence), so producing is idempotent however many hosts run the producer.
/// </summary>
public interface IDossierFormStore
{
    /// <summary>
    /// Committed events of <paramref name="eventTypes"/> (a subset of <see cref="FormTriggers.EventTypes"/>) that the
    /// producer has not handled yet, read from the queue the store writes with the events.
    /// </summary>
    Task<IReadOnlyList<FormTrigger>> ListUnhandledAsync(IReadOnlyCollection<string> eventTypes, int take, CancellationToken cancellationToken);

    /// <summary>
    /// Records the outcome for <paramref name="trigger"/>: the form and its PDF, or (both null) that the event calls
    /// for no form. False when another producer recorded it first (nothing written).
    /// </summary>
    Task<bool> RecordAsync(FormTrigger trigger, string? form, StoredContent? pdf, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// Records that each of <paramref name="triggers"/> calls for no form, in one transaction (most status changes
    /// print nothing, and one commit per event doubled the writes a dossier costs). Triggers another producer
    /// recorded first are left as they are. Returns how many this call recorded.
    /// </summary>
    Task<int> RecordNoFormAsync(IReadOnlyCollection<FormTrigger> triggers, DateTimeOffset at, CancellationToken cancellationToken);

    Task<IReadOnlyList<DossierForm>> ListAsync(DossierId dossier, CancellationToken cancellationToken);
}
