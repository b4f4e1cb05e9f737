using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfTimerQueries(IDbContextFactory<WorkflowsDbContext> contexts) : ITimerQueries
{
    public async Task<IReadOnlyList<TimerRecord>> ListDueAsync(DateTimeOffset until, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Timers.AsNoTracking()
            .Where(t => t.DueAt <= until)
            .OrderBy(t => t.DueAt)
            .ThenBy(t => t.DossierId)
            .ThenBy(t => t.StepInstance)
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(t => new TimerRecord(new DossierId(t.DossierId), t.StepInstance, t.DueAt, t.Purpose))];
    }
}
