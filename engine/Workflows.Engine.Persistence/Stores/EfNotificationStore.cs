using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfNotificationStore(IDbContextFactory<WorkflowsDbContext> contexts) : INotificationStore
{
    public async Task<IReadOnlyList<NotificationRecord>> ListForAsync(UserId user, UnitId unit, IReadOnlyCollection<string> roles, long? before, int take, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roles);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var names = roles.ToArray();
        var query = db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUser == user.Value || (n.RecipientUser == null && n.RecipientUnit == unit.Value && names.Contains(n.RecipientRole!)));
        if (before is { } id)
        {
            query = query.Where(n => n.Id < id);
        }

        var rows = await query.OrderByDescending(n => n.Id).Take(take).ToListAsync(cancellationToken);
        return [.. rows.Select(ToRecord)];
    }

    public async Task<IReadOnlyList<NotificationRecord>> ListUndispatchedAsync(int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Notifications.AsNoTracking().Where(n => n.DispatchedAt == null).OrderBy(n => n.Id).Take(take).ToListAsync(cancellationToken);
        return [.. rows.Select(ToRecord)];
    }

    public async Task MarkDispatchedAsync(IReadOnlyCollection<long> ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = ids.ToArray();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Notifications.Where(n => list.Contains(n.Id)).ExecuteUpdateAsync(s => s.SetProperty(n => n.DispatchedAt, at), cancellationToken);
    }

    private static NotificationRecord ToRecord(NotificationRow row) =>
        new(
            row.Id,
            new DossierId(row.DossierId),
            row.StepInstance,
            row.Kind,
            new Recipient(
                row.RecipientUser is null ? null : new UserId(row.RecipientUser),
                row.RecipientRole,
                row.RecipientUnit is null ? null : new UnitId(row.RecipientUnit)),
            row.Message,
            row.CreatedAt)
        {
            DispatchedAt = row.DispatchedAt,
        };
}
