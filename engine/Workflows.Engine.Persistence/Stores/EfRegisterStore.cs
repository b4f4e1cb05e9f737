using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfRegisterStore(IDbContextFactory<WorkflowsDbContext> contexts) : IRegisterStore
{
    // Read before deciding every command on a numbering step: compiled once per store (one provider's model).
    private readonly Func<WorkflowsDbContext, string, string, int, CancellationToken, Task<long?>> lastNumberOf =
        EF.CompileAsyncQuery((WorkflowsDbContext db, string unit, string register, int year, CancellationToken _) =>
            db.Registers.AsNoTracking().Where(r => r.UnitId == unit && r.Register == register && r.Year == year).Select(r => (long?)r.LastNumber).FirstOrDefault());

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
            last[key] = await lastNumberOf(db, key.Unit.Value, key.Register, key.Year, cancellationToken) ?? 0;
        }

        return new RegisterSnapshot(last.ToImmutable());
    }

    /// <summary>
    /// Takes <see cref="ConsumeNumber.Number"/> only if it is the next one: a conditional update (or the first
    /// insert) inside the dossier's transaction, so two dossiers can never get the same number and none is skipped.
    /// Staged only; the save writes it with everything else (StagedRowWriter). The ledger row beside it refuses
    /// a sequence or a printed number the register issued before, whatever the register row says.
    /// </summary>
    internal static void Consume(WorkflowsDbContext db, ConsumeNumber consume, DossierId dossier, DateTimeOffset at)
    {
        var key = consume.Register;
        db.IssuedNumbers.Add(new IssuedNumberRow
        {
            UnitId = key.Unit.Value,
            Register = key.Register,
            Year = key.Year,
            Sequence = consume.Number,
            Number = consume.Text,
            DossierId = dossier.Value,
            IssuedAt = at,
        });
        if (db.Registers.Local.FindEntryUntyped([key.Unit.Value, key.Register, key.Year]) is { } taken)
        {
            // An earlier change of this batch took a number of the same register: this one must be the next.
            if (taken.Entity.LastNumber != consume.Number - 1)
            {
                throw new ConcurrencyConflictException($"Number {consume.Number} of register {key} was taken by another dossier first; nothing was written.");
            }

            taken.Entity.LastNumber = consume.Number;
            return;
        }

        if (consume.Number == 1)
        {
            db.Registers.Add(new RegisterRow { UnitId = key.Unit.Value, Register = key.Register, Year = key.Year, LastNumber = 1 });
            return;
        }

        // UPDATE ... SET last_number = N WHERE key AND last_number = N - 1 (LastNumber is the concurrency token),
        // written in the save's batch; no row matched fails the save and is answered as a conflict.
        var entry = db.Registers.Attach(new RegisterRow { UnitId = key.Unit.Value, Register = key.Register, Year = key.Year, LastNumber = consume.Number - 1 });
        entry.Entity.LastNumber = consume.Number;
        entry.Property(r => r.LastNumber).IsModified = true;
    }

    internal static bool Is(RegisterRow row, RegisterKey key) =>
        row.UnitId == key.Unit.Value && row.Register == key.Register && row.Year == key.Year;

    /// <summary>A number of the change the ledger already holds: another dossier took it first.</summary>
    internal static async Task<bool> AnyNumberIssuedAsync(WorkflowsDbContext db, DossierChange change, CancellationToken cancellationToken)
    {
        foreach (var consume in change.Effects.OfType<ConsumeNumber>())
        {
            var key = consume.Register;
            if (await db.IssuedNumbers.AnyAsync(
                r => r.UnitId == key.Unit.Value && r.Register == key.Register && r.Year == key.Year && (r.Sequence == consume.Number || r.Number == consume.Text),
                cancellationToken))
            {
                return true;
            }
        }

        return false;
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
