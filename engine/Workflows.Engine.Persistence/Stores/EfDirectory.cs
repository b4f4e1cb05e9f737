using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfDirectory(IDbContextFactory<WorkflowsDbContext> contexts) : IDirectory
{
    public async Task<UserRecord?> FindUserAsync(UserId user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == user.Value, cancellationToken);
        return row is null ? null : ToRecord(row);
    }

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(ToRecord)];
    }

    public async Task<IReadOnlyList<UnitRecord>> ListUnitsAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(u => new UnitRecord(new UnitId(u.Id), u.Name, u.Kind, u.ParentId is null ? null : new UnitId(u.ParentId)))];
    }

    public async Task UpsertAsync(IEnumerable<UnitRecord> units, IEnumerable<UserRecord> users, CancellationToken cancellationToken)
    {
        var unitList = units.ToList();
        var userList = users.ToList();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var unitIds = unitList.Select(u => u.Id.Value).ToArray();
        var existingUnits = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var unit in unitList)
        {
            if (!existingUnits.TryGetValue(unit.Id.Value, out var row))
            {
                row = new UnitRow { Id = unit.Id.Value, Name = unit.Name };
                existingUnits[row.Id] = row;
                db.Units.Add(row);
            }

            row.Name = unit.Name;
            row.Kind = unit.Kind;
            row.ParentId = unit.Parent?.Value;
        }

        var userIds = userList.Select(u => u.Id.Value).ToArray();
        var existingUsers = await db.Users.Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var user in userList)
        {
            if (!existingUsers.TryGetValue(user.Id.Value, out var row))
            {
                row = new UserRow { Id = user.Id.Value, Name = user.Name, UnitId = user.Unit.Value, Roles = "[]" };
                existingUsers[row.Id] = row;
                db.Users.Add(row);
            }

            row.Name = user.Name;
            row.UnitId = user.Unit.Value;
            row.Roles = StoredJson.Write(user.Roles.IsDefault ? [] : user.Roles);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static UserRecord ToRecord(UserRow row) =>
        new(new UserId(row.Id), row.Name, new UnitId(row.UnitId), StoredJson.Parse<ImmutableArray<string>>(row.Roles));
}
