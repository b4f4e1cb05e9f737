using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfSigningSessionRows(IDbContextFactory<WorkflowsDbContext> contexts) : ISigningSessionRows
{
    public async Task AddAsync(StoredSigningSession session, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.SigningSessions.Where(s => s.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        db.SigningSessions.Add(new SigningSessionRow
        {
            Id = session.Id,
            TaskId = session.TaskId,
            Signer = session.Signer,
            Outcome = session.Outcome,
            PreparedPdf = session.PreparedPdf,
            PreparedLayout = session.PreparedLayout,
            SignedAttributes = session.SignedAttributes,
            DigestToSign = session.DigestToSign,
            DocumentDigest = session.DocumentDigest,
            Certificate = session.Certificate,
            Chain = session.Chain,
            Context = session.Context,
            CreatedAt = session.CreatedAt,
            ExpiresAt = session.ExpiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<StoredSigningSession?> FindOpenAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.SigningSessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.ConsumedAt == null, cancellationToken);
        return row is null ? null : new StoredSigningSession(
            row.Id, row.TaskId, row.Signer, row.Outcome, row.PreparedPdf, row.PreparedLayout, row.SignedAttributes, row.DigestToSign,
            row.DocumentDigest, row.Certificate, row.Chain, row.Context, row.CreatedAt, row.ExpiresAt);
    }

    public async Task<bool> ConsumeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // The conditional update is the replay guard: of two completions (on any hosts) exactly one sees a row.
        return await db.SigningSessions
            .Where(s => s.Id == id && s.ConsumedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ConsumedAt, now), cancellationToken) == 1;
    }
}
