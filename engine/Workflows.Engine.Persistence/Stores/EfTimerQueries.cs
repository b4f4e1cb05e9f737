using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
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
            .ThenBy(t => t.Purpose)
            .ThenBy(t => t.Rung)
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(t => new TimerRecord(new DossierId(t.DossierId), t.StepInstance, t.DueAt, t.Purpose) { Rung = t.Rung })];
    }

    public async Task<IReadOnlyList<DateTimeOffset>> ListDueInstantsAsync(DateTimeOffset after, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Timers.AsNoTracking()
            .Where(t => t.DueAt > after)
            .Select(t => t.DueAt)
            .Distinct()
            .OrderBy(d => d)
            .Take(take)
            .ToListAsync(cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Timers.CountAsync(cancellationToken);
    }

    public async Task DiscardAsync(TimerRecord timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Timers
            .Where(t => t.DossierId == timer.Dossier.Value && t.StepInstance == timer.StepInstance && t.Purpose == timer.Purpose && t.Rung == timer.Rung && t.DueAt == timer.DueAt)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
