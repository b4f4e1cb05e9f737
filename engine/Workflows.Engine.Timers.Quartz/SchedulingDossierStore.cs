using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Timers.Quartz;

/// <summary>
/// The dossier store, plus: once a change is committed, its new timers get Quartz triggers (docs/architecture.md, "Timers, SLA and
/// calendars": the timers table is the source of truth, Quartz triggers follow it). A crash between the two loses nothing: the row is
/// committed and the rebuild on start, or the periodic sweep, schedules it.
/// </summary>
internal sealed class SchedulingDossierStore(IDossierStore inner, TimerScheduler scheduler) : IDossierStore
{
    public Task<InstanceState?> FindAsync(DossierId dossier, CancellationToken cancellationToken) => inner.FindAsync(dossier, cancellationToken);

    public async Task SaveAsync(DossierChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await inner.SaveAsync(change, cancellationToken);
        var due = change.Effects.OfType<ScheduleTimer>().Select(t => t.DueAt).ToList();
        if (due.Count > 0)
        {
            await scheduler.ScheduleAsync(due, cancellationToken);
        }
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadHistoryAsync(DossierId dossier, CancellationToken cancellationToken) => inner.ReadHistoryAsync(dossier, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string key, CancellationToken cancellationToken) => inner.FindIdempotencyAsync(key, cancellationToken);
}
