using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfDocumentContentStore(IDbContextFactory<WorkflowsDbContext> contexts) : IDocumentContentStore
{
    public async Task<StoredContent?> FindAsync(string sha256, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.DocumentContents.AsNoTracking().SingleOrDefaultAsync(c => c.Sha256 == sha256, cancellationToken);
        return row is null ? null : new StoredContent(row.Sha256, row.MediaType, row.Content);
    }

    /// <summary>Adds the contents the change refers to that are not stored yet (inside the change's transaction).</summary>
    internal static async Task AddMissingAsync(WorkflowsDbContext db, DossierChange change, DateTimeOffset at, CancellationToken cancellationToken)
    {
        foreach (var content in change.Contents.DistinctBy(c => c.Sha256))
        {
            if (!await db.DocumentContents.AnyAsync(c => c.Sha256 == content.Sha256, cancellationToken))
            {
                db.DocumentContents.Add(new DocumentContentRow
                {
                    Sha256 = content.Sha256,
                    MediaType = content.MediaType,
                    Size = content.Size,
                    Content = content.Content.ToArray(),
                    CreatedAt = at,
                });
            }
        }
    }

    /// <summary>Another request stored the same content first (a lost insert race, not an error).</summary>
    internal static async Task<bool> AnyStoredAsync(WorkflowsDbContext db, DossierChange change, CancellationToken cancellationToken)
    {
        var keys = change.Contents.Select(c => c.Sha256).ToList();
        return keys.Count > 0 && await db.DocumentContents.AnyAsync(c => keys.Contains(c.Sha256), cancellationToken);
    }
}
