using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Model;

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
        var sealedKind = DefinitionJson.KebabName(ResultDocumentKind.Sealed);
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

        db.ResultDocuments.Add(new ResultDocumentRow
        {
            DossierId = document.Dossier.Value,
            Revision = document.Revision,
            Kind = DefinitionJson.KebabName(document.Kind),
            UnitId = document.Unit.Value,
            Number = document.Number,
            Pdf = document.Pdf,
            Sha256 = document.Sha256,
            CreatedBy = document.CreatedBy.Value,
            CreatedAt = document.CreatedAt,
        });
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

    private static StoredResultDocument From(ResultDocumentRow row) => new(
        new DossierId(row.DossierId),
        row.Revision,
        DefinitionJson.TryParseKebab<ResultDocumentKind>(row.Kind, out var kind) ? kind : ResultDocumentKind.Draft,
        new UnitId(row.UnitId),
        row.Number,
        row.Pdf,
        row.Sha256,
        new UserId(row.CreatedBy),
        row.CreatedAt);
}
