using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Model;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Persistence.Stores;

/// <summary>Maps dossier state and events to their rows and back.</summary>
internal static class DossierRows
{
    // The "type" discriminator of each event class, read from the serializer's own polymorphism metadata.
    private static readonly FrozenDictionary<Type, string> EventTypes = WorkflowJson.Options.GetTypeInfo(typeof(WorkflowEvent))
        .PolymorphismOptions!.DerivedTypes.ToFrozenDictionary(d => d.DerivedType, d => (string)d.TypeDiscriminator!);

    // A change's JSON, written ahead of its save by the caller (group commit: off the one writer's thread).
    private static readonly ConditionalWeakTable<DossierChange, Serialized> Written = [];

    /// <summary>
    /// Writes the change's JSON (its state and its events' payloads) now and keeps it with the change, so staging
    /// the change later only copies strings. Group commit calls this on each caller's thread: the one writer
    /// that every change waits for does not spend its time in the serializer. Keyed by the change instance, so a
    /// copy made with <c>with</c> is serialized afresh.
    /// </summary>
    public static void WriteAhead(DossierChange change) =>
        Written.TryAdd(change, new Serialized(StateJson(change), [.. change.Events.Select(EventJson)]));

    // Without a written-ahead copy (one commit per command) each part is serialized where it is needed, once.
    private static string StateJson(DossierChange change) =>
        Written.TryGetValue(change, out var written) ? written.State : StoredJson.Write(change.State);

    private static string EventJson(RecordedEvent recorded) => JsonSerializer.Serialize(recorded.Event, WorkflowJson.Options);

    public static DossierRow From(DossierChange change)
    {
        var state = change.State;
        return new DossierRow
        {
            Id = state.Dossier.Value,
            ProcedureId = state.Definition.Procedure.Value,
            DefinitionVersion = state.Definition.Version,
            UnitId = state.Unit.Value,
            Status = state.Status,
            SubmittedAt = state.SubmittedAt,
            ReceivedAt = state.ReceivedAt,
            DueAt = state.DueAt,
            CompletedAt = state.CompletedAt,
            State = StateJson(change),
            Version = state.Version,
            UpdatedAt = ChangedAt(change),
        };
    }

    /// <summary>When the change happened, taken from its events so the store needs no clock of its own.</summary>
    public static DateTimeOffset ChangedAt(DossierChange change) =>
        change.Events.IsDefaultOrEmpty ? change.State.SubmittedAt : change.Events.Max(e => e.At);

    /// <summary>The change's event rows, in order.</summary>
    public static IEnumerable<DossierEventRow> EventRows(DossierChange change)
    {
        var payloads = Written.TryGetValue(change, out var written) ? written.Events : default;
        for (var i = 0; i < change.Events.Length; i++)
        {
            var recorded = change.Events[i];
            yield return new DossierEventRow
            {
                DossierId = change.State.Dossier.Value,
                Sequence = recorded.Sequence,
                Type = EventTypes[recorded.Event.GetType()],
                At = recorded.At,
                Actor = recorded.Actor.Value,
                Payload = payloads.IsDefault ? EventJson(recorded) : payloads[i],
            };
        }
    }

    public static RecordedEvent ToRecordedEvent(DossierEventRow row) =>
        new(row.Sequence, row.At, new UserId(row.Actor), StoredJson.Parse<WorkflowEvent>(row.Payload));

    private sealed record Serialized(string State, ImmutableArray<string> Events);
}
