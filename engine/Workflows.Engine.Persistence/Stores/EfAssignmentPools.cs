using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfAssignmentPools(IDbContextFactory<WorkflowsDbContext> contexts) : IAssignmentPools
{
    public async Task<AssignmentSnapshot> ReadAsync(IReadOnlyCollection<AssignmentPool> pools, CancellationToken cancellationToken)
    {
        if (pools.Count == 0)
        {
            return AssignmentSnapshot.Empty;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var units = pools.Select(p => p.Unit.Value).Distinct().ToArray();
        var users = (await db.Users.AsNoTracking().Where(u => units.Contains(u.UnitId)).ToListAsync(cancellationToken))
            .Select(u => (Id: u.Id, u.UnitId, Roles: StoredJson.Parse<ImmutableArray<string>>(u.Roles)))
            .ToList();
        var ids = users.Select(u => u.Id).ToArray();
        var open = await db.Tasks.AsNoTracking()
            .Where(t => t.State == TaskState.Open && t.Assignee != null && ids.Contains(t.Assignee))
            .GroupBy(t => t.Assignee!)
            .Select(g => new { User = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.User, g => g.Count, StringComparer.Ordinal, cancellationToken);
        var cursors = await db.AssignmentCursors.AsNoTracking()
            .Where(c => units.Contains(c.UnitId))
            .ToListAsync(cancellationToken);

        var result = ImmutableDictionary.CreateBuilder<AssignmentPool, AssignmentPoolState>();
        foreach (var pool in pools)
        {
            var holders = users
                .Where(u => u.UnitId == pool.Unit.Value && !u.Roles.IsDefault && u.Roles.Contains(pool.Role, StringComparer.Ordinal))
                .Select(u => new AssignmentCandidate(new UserId(u.Id), open.GetValueOrDefault(u.Id)));
            var cursor = cursors.SingleOrDefault(c => c.UnitId == pool.Unit.Value && c.Role == pool.Role)?.Position ?? 0;
            result[pool] = AssignmentSnapshot.Pool(holders, cursor);
        }

        return new AssignmentSnapshot(result.ToImmutable());
    }

    /// <summary>
    /// Moves the cursor only if it still stands where the command read it (or creates it on the first turn):
    /// two dossiers deciding at once cannot take the same turn; the loser is decided again.
    /// </summary>
    internal static void Advance(WorkflowsDbContext db, AdvanceAssignmentCursor advance)
    {
        var (unit, role) = (advance.Pool.Unit.Value, advance.Pool.Role);
        if (db.AssignmentCursors.Local.FindEntryUntyped([unit, role]) is { } moved)
        {
            // An earlier change of this batch moved the same cursor: this one must start where that one stopped.
            if (moved.Entity.Position != advance.From)
            {
                throw new ConcurrencyConflictException($"The round-robin turn {advance.From + 1} of pool {advance.Pool} was taken by another dossier first; nothing was written.");
            }

            moved.Entity.Position = advance.To;
            return;
        }

        if (advance.From == 0)
        {
            db.AssignmentCursors.Add(new AssignmentCursorRow { UnitId = unit, Role = role, Position = advance.To });
            return;
        }

        // UPDATE ... WHERE position = from (Position is the concurrency token), in the save's batch.
        var entry = db.AssignmentCursors.Attach(new AssignmentCursorRow { UnitId = unit, Role = role, Position = advance.From });
        entry.Entity.Position = advance.To;
        entry.Property(c => c.Position).IsModified = true;
    }

    internal static async Task<bool> FirstTurnTakenAsync(WorkflowsDbContext db, DossierChange change, CancellationToken cancellationToken)
    {
        foreach (var advance in change.Effects.OfType<AdvanceAssignmentCursor>().Where(a => a.From == 0))
        {
            var (unit, role) = (advance.Pool.Unit.Value, advance.Pool.Role);
            if (await db.AssignmentCursors.AnyAsync(c => c.UnitId == unit && c.Role == role, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
