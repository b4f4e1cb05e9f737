using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfDossierFormStore(IDbContextFactory<WorkflowsDbContext> contexts) : IDossierFormStore
{
    public async Task<IReadOnlyList<FormTrigger>> ListUnhandledAsync(IReadOnlyCollection<string> eventTypes, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventTypes);
        var types = eventTypes.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.FormQueue.AsNoTracking()
            .Where(q => types.Contains(q.EventType))
            .OrderBy(q => q.DossierId).ThenBy(q => q.EventSequence)
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new FormTrigger(new DossierId(r.DossierId), r.EventSequence, r.EventType))];
    }

    public async Task<bool> RecordAsync(FormTrigger trigger, string? form, StoredContent? pdf, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // The queue row goes with the ledger row, in one commit: a crash leaves either both or neither.
        await Dequeue(db, trigger).ExecuteDeleteAsync(cancellationToken);
        if (await Recorded(db, trigger).AnyAsync(cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        if (pdf is not null && !await db.DocumentContents.AnyAsync(c => c.Sha256 == pdf.Sha256, cancellationToken))
        {
            db.DocumentContents.Add(new DocumentContentRow { Sha256 = pdf.Sha256, MediaType = pdf.MediaType, Size = pdf.Size, Content = pdf.Content.ToArray(), CreatedAt = at });
        }

        db.DossierForms.Add(new DossierFormRow
        {
            DossierId = trigger.Dossier.Value,
            EventSequence = trigger.Sequence,
            Form = form,
            Sha256 = pdf?.Sha256,
            Size = pdf?.Size ?? 0,
            CreatedAt = at,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another producer recorded this event (or stored the same bytes) between our check and our insert.
            await transaction.RollbackAsync(cancellationToken);
            await using var fresh = await contexts.CreateDbContextAsync(cancellationToken);
            if (await Recorded(fresh, trigger).AnyAsync(cancellationToken))
            {
                await Dequeue(fresh, trigger).ExecuteDeleteAsync(cancellationToken);
                return false;
            }

            throw;
        }
    }

    public async Task<int> RecordNoFormAsync(IReadOnlyCollection<FormTrigger> triggers, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(triggers);
        if (triggers.Count == 0)
        {
            return 0;
        }

        try
        {
            // SaveChanges runs in one transaction of its own: all rows or none, the queue rows deleted by key with them.
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.DossierForms.AddRange(triggers.Select(t => new DossierFormRow { DossierId = t.Dossier.Value, EventSequence = t.Sequence, CreatedAt = at }));
            db.FormQueue.RemoveRange(triggers.Select(t => new FormQueueRow { DossierId = t.Dossier.Value, EventSequence = t.Sequence, EventType = t.EventType }));
            await db.SaveChangesAsync(cancellationToken);
            return triggers.Count;
        }
        catch (DbUpdateException)
        {
            // Another producer recorded some of them meanwhile: record the rest one by one, skipping theirs.
            var recorded = 0;
            foreach (var trigger in triggers)
            {
                recorded += await RecordAsync(trigger, null, null, at, cancellationToken) ? 1 : 0;
            }

            return recorded;
        }
    }

    private static IQueryable<DossierFormRow> Recorded(WorkflowsDbContext db, FormTrigger trigger) =>
        db.DossierForms.Where(f => f.DossierId == trigger.Dossier.Value && f.EventSequence == trigger.Sequence);

    private static IQueryable<FormQueueRow> Dequeue(WorkflowsDbContext db, FormTrigger trigger) =>
        db.FormQueue.Where(q => q.DossierId == trigger.Dossier.Value && q.EventSequence == trigger.Sequence);

    public async Task<IReadOnlyList<DossierForm>> ListAsync(DossierId dossier, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.DossierForms.AsNoTracking()
            .Where(f => f.DossierId == dossier.Value && f.Form != null)
            .OrderBy(f => f.EventSequence)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DossierForm(dossier, r.Form!, r.EventSequence, r.Sha256!, r.Size, r.CreatedAt))];
    }
}
