using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfRegisterStore(IDbContextFactory<WorkflowsDbContext> contexts) : IRegisterStore
{
    public async Task<RegisterSnapshot> ReadAsync(IReadOnlyCollection<RegisterKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return RegisterSnapshot.Empty;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = ImmutableDictionary.CreateBuilder<RegisterKey, long>();
        foreach (var key in keys)
        {
            var row = await db.Registers.AsNoTracking().SingleOrDefaultAsync(
                r => r.UnitId == key.Unit.Value && r.Register == key.Register && r.Year == key.Year, cancellationToken);
            last[key] = row?.LastNumber ?? 0;
        }

        return new RegisterSnapshot(last.ToImmutable());
    }

    /// <summary>
    /// Takes <see cref="ConsumeNumber.Number"/> only if it is the next one: a conditional update (or the first
    /// insert) inside the dossier's transaction, so two dossiers can never get the same number and none is skipped.
    /// </summary>
    internal static async Task ConsumeAsync(WorkflowsDbContext db, ConsumeNumber consume, CancellationToken cancellationToken)
    {
        var key = consume.Register;
        if (consume.Number == 1)
        {
            db.Registers.Add(new RegisterRow { UnitId = key.Unit.Value, Register = key.Register, Year = key.Year, LastNumber = 1 });
            return;
        }

        var updated = await db.Registers
            .Where(r => r.UnitId == key.Unit.Value && r.Register == key.Register && r.Year == key.Year && r.LastNumber == consume.Number - 1)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastNumber, consume.Number), cancellationToken);
        if (updated == 0)
        {
            throw new ConcurrencyConflictException($"Number {consume.Number} of register {key} was taken by another dossier first; nothing was written.");
        }
    }

    internal static async Task<bool> FirstNumberTakenAsync(WorkflowsDbContext db, DossierChange change, CancellationToken cancellationToken)
    {
        foreach (var consume in change.Effects.OfType<ConsumeNumber>().Where(c => c.Number == 1))
        {
            var key = consume.Register;
            if (await db.Registers.AnyAsync(r => r.UnitId == key.Unit.Value && r.Register == key.Register && r.Year == key.Year, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }
}
