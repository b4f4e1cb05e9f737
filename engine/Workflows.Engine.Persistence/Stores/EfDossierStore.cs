using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.GroupCommit;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfDossierStore(IDbContextFactory<WorkflowsDbContext> contexts) : IDossierStore
{
    // Every command starts here: compiled once per store (a compiled query belongs to one provider's model), not translated per call.
    private readonly Func<WorkflowsDbContext, Guid, CancellationToken, Task<string?>> stateOf =
        EF.CompileAsyncQuery((WorkflowsDbContext db, Guid id, CancellationToken _) =>
            db.Dossiers.AsNoTracking().Where(d => d.Id == id).Select(d => (string?)d.State).FirstOrDefault());

    public async Task<InstanceState?> FindAsync(DossierId dossier, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var json = await stateOf(db, dossier.Value, cancellationToken);
        return json is null ? null : StoredJson.Parse<InstanceState>(json);
    }

    public async Task SaveAsync(DossierChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            await WriteAsync(change, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // A failed insert is a conflict when it hit a row someone else just created: the dossier (two
            // submissions with one id) or the idempotency key (a retried request racing the original).
            // Asked afresh because the failed transaction may be unusable (PostgreSQL aborts it).
            if (await ExistsAlreadyAsync(change, cancellationToken))
            {
                throw new ConcurrencyConflictException($"Dossier {change.State.Dossier}, its request key, its register number or its result revision was saved by another request first; nothing was written.", e);
            }

            throw;
        }
    }

    public async Task<IReadOnlyList<RecordedEvent>> ReadHistoryAsync(DossierId dossier, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Events.AsNoTracking()
            .Where(e => e.DossierId == dossier.Value)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(DossierRows.ToRecordedEvent)];
    }

    public async Task<IdempotencyRecord?> FindIdempotencyAsync(string key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.IdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Key == key, cancellationToken);
        return row is null ? null : new IdempotencyRecord(row.Key, row.RequestHash, new DossierId(row.DossierId), row.At);
    }

    private Task WriteAsync(DossierChange change, CancellationToken cancellationToken) =>
        WriteAllAsync([change], cancellationToken);

    /// <summary>
    /// Writes several changes in one transaction (group commit): every change is claimed and staged in order,
    /// then one write of the staged rows (<see cref="StagedRowWriter"/>) and one COMMIT carry them all. All or nothing: when any change cannot be written
    /// the transaction rolls back. A change whose version or register claim fails is named by
    /// <see cref="BatchMemberConflictException"/>, so the caller can drop it and write the others.
    /// </summary>
    internal async Task WriteAllAsync(IReadOnlyList<DossierChange> changes, CancellationToken cancellationToken)
    {
        try
        {
            await WriteAllAsync(changes, new TimerRows(trustPrevious: true), cancellationToken);
        }
        catch (TimerRowsDisagreeException)
        {
            // A timer row the previous state implies was not there (the timer service discarded a stale one, or it
            // predates the rule): nothing was written; read the rows this time.
            await WriteAllAsync(changes, new TimerRows(trustPrevious: false), cancellationToken);
        }
    }

    private async Task WriteAllAsync(IReadOnlyList<DossierChange> changes, TimerRows timers, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Every changed row is marked by hand (stubs by key, added rows), and the staged-row writer reads them without detecting changes.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < changes.Count; i++)
        {
            try
            {
                await StageAsync(db, changes[i], timers, cancellationToken);
            }
            catch (ConcurrencyConflictException conflict) when (changes.Count > 1)
            {
                throw new BatchMemberConflictException(i, conflict);
            }
        }

        try
        {
            await StagedRowWriter.WriteAsync(db, cancellationToken);
        }
        catch (StaleRowException e) when (LoserOf(changes, e.Row) is { } loser)
        {
            var conflict = new ConcurrencyConflictException(LostMessage(changes[loser], e.Row), e);
            throw changes.Count > 1 ? new BatchMemberConflictException(loser, conflict) : conflict;
        }
        catch (StaleRowException e) when (e.Row is TimerRow && timers.TrustedPrevious)
        {
            throw new TimerRowsDisagreeException(e);
        }
        catch (StaleRowException e) when (e.Row is TaskRow task)
        {
            throw new InvalidOperationException($"Task {task.DossierId}.{task.StepInstance} has no row: an effect names a task that was never opened. Nothing was written.", e);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Claims the dossier's version and stages its rows in <paramref name="db"/>; nothing is saved yet.</summary>
    private static async Task StageAsync(WorkflowsDbContext db, DossierChange change, TimerRows timers, CancellationToken cancellationToken)
    {
        var state = change.State;
        var id = state.Dossier.Value;
        var row = DossierRows.From(change);
        if (change.ExpectedVersion == 0)
        {
            db.Dossiers.Add(row);
        }
        else
        {
            // The version claim is the UPDATE's "WHERE version = expected" (Version is the row's concurrency token),
            // written with everything else; the write fails when it matches no row. A second change
            // of one dossier in one batch was decided on the same committed version as the first, so it has lost.
            if (db.Dossiers.Local.FindEntry(id) is not null)
            {
                throw Lost(change);
            }

            var entry = db.Dossiers.Attach(row);
            entry.Property(d => d.Version).OriginalValue = change.ExpectedVersion;
            foreach (var column in ClaimedColumns)
            {
                entry.Property(column).IsModified = true;
            }
        }

        foreach (var eventRow in DossierRows.EventRows(change))
        {
            db.Events.Add(eventRow);
            if (FormTriggers.EventTypes.Contains(eventRow.Type))
            {
                db.FormQueue.Add(new FormQueueRow { DossierId = id, EventSequence = eventRow.Sequence, EventType = eventRow.Type });
            }
        }

        timers.Expect(change);
        await DossierEffects.ApplyAsync(db, change, timers, cancellationToken);
        await DossierEffects.RemoveInactiveTimersAsync(db, change, timers, cancellationToken);
        await EfDocumentContentStore.AddMissingAsync(db, change, DossierRows.ChangedAt(change), cancellationToken);
        EfResultDocumentStore.Stage(db, change);
        if (change.Idempotency is { } idempotency)
        {
            db.IdempotencyKeys.Add(new IdempotencyKeyRow
            {
                Key = idempotency.Key,
                RequestHash = idempotency.RequestHash,
                DossierId = idempotency.Dossier.Value,
                At = idempotency.At,
            });
        }
    }

    private static readonly string[] ClaimedColumns =
    [
        nameof(DossierRow.Status), nameof(DossierRow.DefinitionVersion), nameof(DossierRow.UnitId), nameof(DossierRow.ReceivedAt),
        nameof(DossierRow.DueAt), nameof(DossierRow.CompletedAt), nameof(DossierRow.State), nameof(DossierRow.Version), nameof(DossierRow.UpdatedAt),
    ];

    private static ConcurrencyConflictException Lost(DossierChange change) => new(
        $"Dossier {change.State.Dossier} is no longer at version {change.ExpectedVersion}: someone else changed it. Nothing was written; reload it and try again.");

    /// <summary>Which change a failed conditional update belongs to: its dossier's version, or the first to claim that register number or round-robin turn.</summary>
    private static int? LoserOf(IReadOnlyList<DossierChange> changes, object row)
    {
        var index = row switch
        {
            DossierRow dossier => Find(c => c.State.Dossier.Value == dossier.Id),
            RegisterRow register => Find(c => c.Effects.OfType<ConsumeNumber>().Any(n => EfRegisterStore.Is(register, n.Register))),
            AssignmentCursorRow cursor => Find(c => c.Effects.OfType<AdvanceAssignmentCursor>().Any(a => a.Pool.Unit.Value == cursor.UnitId && a.Pool.Role == cursor.Role)),
            _ => -1,
        };
        return index >= 0 ? index : null;

        int Find(Func<DossierChange, bool> match)
        {
            for (var i = 0; i < changes.Count; i++)
            {
                if (match(changes[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }

    private static string LostMessage(DossierChange change, object row) => row switch
    {
        RegisterRow register => $"A number of register {register.Register} ({register.UnitId}, {register.Year}) that dossier {change.State.Dossier} took was taken by another dossier first; nothing was written.",
        AssignmentCursorRow cursor => $"The round-robin turn of pool {cursor.Role}@{cursor.UnitId} that dossier {change.State.Dossier} took was taken by another dossier first; nothing was written.",
        _ => Lost(change).Message,
    };

    /// <summary>The timer rows were not the ones the previous state implies; the write rolled back.</summary>
    private sealed class TimerRowsDisagreeException(Exception inner) : Exception("Timer rows disagree with the previous state.", inner);

    private async Task<bool> ExistsAlreadyAsync(DossierChange change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var key = change.Idempotency?.Key;
        var id = change.State.Dossier.Value;

        // The version claim shares its batch with the event inserts, so on PostgreSQL a concurrent change of the
        // same dossier can fail on the events' unique key (waiting on the winner's uncommitted rows) before its
        // claim is even tried: it lost the version all the same.
        return (change.ExpectedVersion == 0 && await db.Dossiers.AnyAsync(d => d.Id == id, cancellationToken))
            || (change.ExpectedVersion > 0 && !await db.Dossiers.AnyAsync(d => d.Id == id && d.Version == change.ExpectedVersion, cancellationToken))
            || (key is not null && await db.IdempotencyKeys.AnyAsync(k => k.Key == key, cancellationToken))
            || await EfRegisterStore.FirstNumberTakenAsync(db, change, cancellationToken)
            || await EfRegisterStore.AnyNumberIssuedAsync(db, change, cancellationToken)
            || await EfAssignmentPools.FirstTurnTakenAsync(db, change, cancellationToken)
            || await EfDocumentContentStore.AnyStoredAsync(db, change, cancellationToken)
            || await EfResultDocumentStore.AnyRevisionTakenAsync(db, change, cancellationToken);
    }
}
