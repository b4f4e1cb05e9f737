using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Model;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfResultDocumentStore(IDbContextFactory<WorkflowsDbContext> contexts) : IResultDocumentStore
{
    public async Task<StoredResultDocument?> LatestAsync(DossierId dossier, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.ResultDocuments.AsNoTracking()
            .Where(r => r.DossierId == dossier.Value)
            .OrderByDescending(r => r.Revision)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : From(row);
    }

    public async Task<IReadOnlyList<StoredResultDocument>> FindByNumberAsync(string number, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var sealedKind = KebabCase.Name(ResultDocumentKind.Sealed);
        var rows = await db.ResultDocuments.AsNoTracking()
            .Where(r => r.Number == number && r.Kind == sealedKind)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(From)];
    }

    public async Task<bool> AddAsync(StoredResultDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ResultDocuments.AnyAsync(r => r.DossierId == document.Dossier.Value && r.Revision == document.Revision, cancellationToken))
        {
            return false;
        }

        db.ResultDocuments.Add(ToRow(document));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // the unique (dossier, revision) index: another request stored this revision first
        }
    }

    /// <summary>Stages the change's result revisions (inside the change's transaction; the unique index refuses a taken revision).</summary>
    internal static void Stage(WorkflowsDbContext db, DossierChange change) =>
        db.ResultDocuments.AddRange(change.ResultDocuments.Select(ToRow));

    /// <summary>Another request stored one of these revisions first: a conflict, decided again on what it left.</summary>
    internal static async Task<bool> AnyRevisionTakenAsync(WorkflowsDbContext db, DossierChange change, CancellationToken cancellationToken)
    {
        foreach (var document in change.ResultDocuments)
        {
            if (await db.ResultDocuments.AnyAsync(r => r.DossierId == document.Dossier.Value && r.Revision == document.Revision, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static ResultDocumentRow ToRow(StoredResultDocument document) => new()
    {
        DossierId = document.Dossier.Value,
        Revision = document.Revision,
        Kind = KebabCase.Name(document.Kind),
        UnitId = document.Unit.Value,
        Number = document.Number,
        Pdf = document.Pdf,
        Sha256 = document.Sha256,
        CreatedBy = document.CreatedBy.Value,
        CreatedAt = document.CreatedAt,
    };

    private static StoredResultDocument From(ResultDocumentRow row) => new(
        new DossierId(row.DossierId),
        row.Revision,
        KebabCase.TryParse<ResultDocumentKind>(row.Kind, out var kind) ? kind : ResultDocumentKind.Draft,
        new UnitId(row.UnitId),
        row.Number,
        row.Pdf,
        row.Sha256,
        new UserId(row.CreatedBy),
        row.CreatedAt);
}
