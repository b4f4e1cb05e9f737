using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfTrackingBook(IDbContextFactory<WorkflowsDbContext> contexts) : ITrackingBook
{
    public async Task<IReadOnlyList<InstanceState>> ListAsync(UnitId unit, DateTimeOffset from, DateTimeOffset until, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var states = await db.Dossiers.AsNoTracking()
            .Where(d => d.UnitId == unit.Value && d.SubmittedAt >= from && d.SubmittedAt < until)
            .OrderBy(d => d.SubmittedAt)
            .ThenBy(d => d.Id)
            .Skip(skip)
            .Take(take)
            .Select(d => d.State)
            .ToListAsync(cancellationToken);
        return [.. states.Select(StoredJson.Parse<InstanceState>)];
    }
}
