using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

/// <summary>
/// Which timer rows of a dossier exist, for one write. A row exists exactly while the dossier's state holds the
/// timer, so the timers held by the state a change was decided on (<see cref="DossierChange.Previous"/>; none
/// for a new dossier) are its rows, and they are changed or deleted by key without a read. Without that state,
/// or when <paramref name="trustPrevious"/> is false (a write found the rows disagreeing with it), the dossier's
/// rows are read once, as before.
/// </summary>
internal sealed class TimerRows(bool trustPrevious)
{
    private readonly Dictionary<Guid, HashSet<(int StepInstance, TimerPurpose Purpose, int Rung)>> known = [];

    /// <summary>Whether a write relied on <see cref="DossierChange.Previous"/> (so a missing row means it was wrong).</summary>
    public bool TrustedPrevious { get; private set; }

    /// <summary>Records what the change says about its dossier's rows; call once per change before its effects.</summary>
    public void Expect(DossierChange change)
    {
        var dossier = change.State.Dossier.Value;
        if (known.ContainsKey(dossier))
        {
            return;
        }

        if (change.ExpectedVersion == 0)
        {
            known[dossier] = [];
        }
        else if (trustPrevious && change.Previous is { } previous && previous.Dossier == change.State.Dossier)
        {
            known[dossier] = DossierEffects.Held(previous);
            TrustedPrevious = true;
        }
    }

    /// <summary>The entry of the row with this key if it exists (attached by key, never read when known).</summary>
    public async Task<EntityEntry<TimerRow>?> FindAsync(WorkflowsDbContext db, Guid dossier, (int StepInstance, TimerPurpose Purpose, int Rung) key, CancellationToken cancellationToken) =>
        (await EntriesAsync(db, dossier, k => k == key, cancellationToken)).SingleOrDefault();

    public Task<List<EntityEntry<TimerRow>>> OfStepAsync(WorkflowsDbContext db, Guid dossier, int stepInstance, CancellationToken cancellationToken) =>
        EntriesAsync(db, dossier, k => k.StepInstance == stepInstance, cancellationToken);

    public Task<List<EntityEntry<TimerRow>>> OfDossierAsync(WorkflowsDbContext db, Guid dossier, CancellationToken cancellationToken) =>
        EntriesAsync(db, dossier, _ => true, cancellationToken);

    private async Task<List<EntityEntry<TimerRow>>> EntriesAsync(WorkflowsDbContext db, Guid dossier, Func<(int StepInstance, TimerPurpose Purpose, int Rung), bool> match, CancellationToken cancellationToken)
    {
        if (!known.TryGetValue(dossier, out var keys))
        {
            // Tracked, so later effects of this write find these rows without asking again.
            var rows = await db.Timers.Where(t => t.DossierId == dossier).ToListAsync(cancellationToken);
            keys = [.. rows.Select(r => (r.StepInstance, r.Purpose, r.Rung))];
            known[dossier] = keys;
        }

        // Rows this write already tracks (added, changed or deleted by an earlier effect) speak for themselves.
        var result = db.ChangeTracker.Entries<TimerRow>()
            .Where(e => e.Entity.DossierId == dossier && e.State != EntityState.Detached && match((e.Entity.StepInstance, e.Entity.Purpose, e.Entity.Rung)))
            .ToList();
        foreach (var key in keys.Where(match))
        {
            if (!result.Any(e => (e.Entity.StepInstance, e.Entity.Purpose, e.Entity.Rung) == key))
            {
                result.Add(db.Timers.Attach(new TimerRow { DossierId = dossier, StepInstance = key.StepInstance, Purpose = key.Purpose, Rung = key.Rung }));
            }
        }

        return result;
    }
}
