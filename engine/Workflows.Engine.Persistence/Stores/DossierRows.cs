using System.Text.Json;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Model;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Persistence.Stores;

/// <summary>Maps dossier state and events to their rows and back.</summary>
internal static class DossierRows
{
    public static DossierRow From(InstanceState state, DossierChange change) => new()
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
        State = StoredJson.Write(state),
        Version = state.Version,
        UpdatedAt = ChangedAt(change),
    };

    /// <summary>When the change happened, taken from its events so the store needs no clock of its own.</summary>
    public static DateTimeOffset ChangedAt(DossierChange change) =>
        change.Events.IsDefaultOrEmpty ? change.State.SubmittedAt : change.Events.Max(e => e.At);

    public static DossierEventRow ToRow(DossierId dossier, RecordedEvent recorded)
    {
        var payload = JsonSerializer.SerializeToElement(recorded.Event, WorkflowJson.Options);
        return new DossierEventRow
        {
            DossierId = dossier.Value,
            Sequence = recorded.Sequence,
            Type = payload.GetProperty("type").GetString()!,
            At = recorded.At,
            Actor = recorded.Actor.Value,
            Payload = payload.GetRawText(),
        };
    }

    public static RecordedEvent ToRecordedEvent(DossierEventRow row) =>
        new(row.Sequence, row.At, new UserId(row.Actor), StoredJson.Parse<WorkflowEvent>(row.Payload));
}
