using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.GroupCommit;
using static Workflows.Engine.Persistence.Tests.Contract.Samples;

namespace Workflows.Engine.Persistence.Tests.Contract;

/// <summary>
/// Group commit (ADR 0011) keeps the store's contract: the same answers per caller, the same rows, only fewer
/// transactions. The first batch is held open by <see cref="TransactionGate"/> so the changes sent meanwhile
/// queue up and are written together, which makes "they were batched" a fact the test can check.
/// </summary>
public abstract partial class PersistenceContractTests
{
    private static readonly UnitId Ward = new("phuong-ben-nghe");

    [Fact]
    public async Task Group_commit_writes_concurrent_changes_in_one_transaction_and_answers_each_caller()
    {
        var dossiers = new List<InstanceState>();
        for (var i = 0; i < 8; i++)
        {
            var submitted = Submitted(NewDossierId(), Ward, At(12, 8, i));
            await Dossiers.SaveAsync(submitted, Ct);
            dossiers.Add(submitted.State);
        }

        var gate = new TransactionGate();
        await using var grouped = GroupCommitServices(gate);
        var store = grouped.GetRequiredService<IDossierStore>();
        var plug = store.SaveAsync(Submitted(NewDossierId(), Ward, At(12, 9)), Ct);
        await gate.FirstStarted.WaitAsync(Ct);

        var claims = dossiers.Select(d => store.SaveAsync(Claimed(d, Officer), Ct)).ToList();
        // Computed from the same version as the first claim, so it must lose and only it.
        var stale = store.SaveAsync(Claimed(dossiers[0], new UserId("officer-binh")), Ct);
        gate.Release();

        await plug;
        await Task.WhenAll(claims);
        await Should.ThrowAsync<ConcurrencyConflictException>(() => stale);
        gate.Commits.ShouldBe(2, "the plug, then all eight claims in one transaction");
        foreach (var dossier in dossiers)
        {
            (await Dossiers.FindAsync(dossier.Dossier, Ct))!.Version.ShouldBe(2);
            var history = await Dossiers.ReadHistoryAsync(dossier.Dossier, Ct);
            history.Select(e => e.Sequence).ShouldBe([1, 2, 3]);
            history[2].Event.ShouldBe(new TaskClaimed(1, Officer));
            (await Tasks.ListAsync(new TaskFilter { Dossier = dossier.Dossier }, Ct)).ShouldHaveSingleItem().Assignee.ShouldBe(Officer);
        }
    }

    [Fact]
    public async Task Group_commit_writes_a_batch_too_large_for_one_command_in_one_transaction()
    {
        // 150 submissions of four rows each: 600 statements, more than one command carries on a server database
        // (StagedRowWriter splits them); on SQLite one statement at a time. Either way one transaction, every row.
        var gate = new TransactionGate();
        await using var grouped = GroupCommitServices(gate, maxBatch: 200);
        var store = grouped.GetRequiredService<IDossierStore>();
        var plug = store.SaveAsync(Submitted(NewDossierId(), Ward, At(12, 9)), Ct);
        await gate.FirstStarted.WaitAsync(Ct);

        var submitted = Enumerable.Range(0, 150).Select(i => Submitted(NewDossierId(), Ward, At(12, 10, i % 60))).ToList();
        var saves = submitted.Select(s => store.SaveAsync(s, Ct)).ToList();
        gate.Release();

        await plug;
        await Task.WhenAll(saves);
        gate.Commits.ShouldBe(2, "the plug, then all 150 submissions in one transaction");
        foreach (var change in submitted)
        {
            (await Dossiers.FindAsync(change.State.Dossier, Ct))!.Version.ShouldBe(1);
            (await Dossiers.ReadHistoryAsync(change.State.Dossier, Ct)).Select(e => e.Sequence).ShouldBe([1, 2]);
            (await Tasks.ListAsync(new TaskFilter { Dossier = change.State.Dossier }, Ct)).ShouldHaveSingleItem();
        }
    }

    [Fact]
    public async Task Group_commit_fails_only_the_change_that_cannot_be_written()
    {
        var first = await SubmittedDossierAsync();
        await Dossiers.SaveAsync(Numbered(first, 1), Ct);
        var others = new List<InstanceState>();
        for (var i = 0; i < 4; i++)
        {
            others.Add(await SubmittedDossierAsync());
        }

        var gate = new TransactionGate();
        await using var grouped = GroupCommitServices(gate);
        var store = grouped.GetRequiredService<IDossierStore>();
        var plug = store.SaveAsync(Submitted(NewDossierId(), Ward, At(12, 9)), Ct);
        await gate.FirstStarted.WaitAsync(Ct);

        var key = new IdempotencyRecord("request-7", "hash-7", NewDossierId(), At(12, 10));
        var original = store.SaveAsync(Submitted(key.Dossier, Ward, At(12, 10)) with { Idempotency = key }, Ct);
        var goods = others.Select(d => store.SaveAsync(Claimed(d, Officer), Ct)).ToList();
        var retried = NewDossierId();
        var duplicateKey = store.SaveAsync(Submitted(retried, Ward, At(12, 10)) with { Idempotency = key with { Dossier = retried } }, Ct);
        var takenNumber = store.SaveAsync(Numbered(others[0], 1), Ct); // number 1 went to the first dossier
        gate.Release();

        await plug;
        await original;
        await Task.WhenAll(goods);
        await Should.ThrowAsync<ConcurrencyConflictException>(() => duplicateKey);
        await Should.ThrowAsync<ConcurrencyConflictException>(() => takenNumber);
        (await Dossiers.FindAsync(retried, Ct)).ShouldBeNull();
        (await Dossiers.FindIdempotencyAsync("request-7", Ct))!.Dossier.ShouldBe(key.Dossier);
        foreach (var dossier in others)
        {
            (await Dossiers.FindAsync(dossier.Dossier, Ct))!.Version.ShouldBe(2);
        }

        (await Registers.ReadAsync([Receipts], Ct)).LastOf(Receipts).ShouldBe(1);
    }

    [Fact]
    public async Task Group_commit_under_many_concurrent_workers_loses_no_event_and_leaves_the_register_gapless()
    {
        const int workers = 16;
        const int dossiersEach = 3;
        await using var grouped = GroupCommitServices(gate: null);
        var store = grouped.GetRequiredService<IDossierStore>();
        var registers = grouped.GetRequiredService<IRegisterStore>();

        async Task<InstanceState> WorkAsync(int worker, int round)
        {
            var submitted = Submitted(NewDossierId(), Receipts.Unit, At(13, 8, (worker * dossiersEach) + round));
            await store.SaveAsync(submitted, Ct);
            var state = submitted.State;
            while (true)
            {
                // What the runtime does: read the register, take the next number, decide again on a conflict.
                var next = (await registers.ReadAsync([Receipts], Ct)).LastOf(Receipts) + 1;
                try
                {
                    await store.SaveAsync(Numbered(state, next), Ct);
                    break;
                }
                catch (ConcurrencyConflictException)
                {
                    state = (await store.FindAsync(state.Dossier, Ct))!;
                }
            }

            state = (await store.FindAsync(state.Dossier, Ct))!;
            var claimed = Claimed(state, Officer);
            await store.SaveAsync(claimed, Ct);
            return claimed.State;
        }

        var finished = await Task.WhenAll(Enumerable.Range(0, workers)
            .Select(w => Task.Run(async () =>
            {
                var mine = new List<InstanceState>();
                for (var round = 0; round < dossiersEach; round++)
                {
                    mine.Add(await WorkAsync(w, round));
                }

                return mine;
            })));

        var all = finished.SelectMany(f => f).ToList();
        var numbers = new List<long>();
        foreach (var dossier in all)
        {
            (await Dossiers.FindAsync(dossier.Dossier, Ct))!.Version.ShouldBe(3);
            var history = await Dossiers.ReadHistoryAsync(dossier.Dossier, Ct);
            history.Select(e => e.Sequence).ShouldBe([1, 2, 3, 4]);
            numbers.Add(history.Select(e => e.Event).OfType<NumberAssigned>().ShouldHaveSingleItem().Sequence);
        }

        numbers.Order().ShouldBe(Enumerable.Range(1, workers * dossiersEach).Select(n => (long)n));
        (await Registers.ReadAsync([Receipts], Ct)).LastOf(Receipts).ShouldBe(workers * dossiersEach);
    }

    [Fact]
    public async Task Group_commit_hands_consecutive_numbers_to_changes_of_one_batch_that_draw_from_one_register()
    {
        await Dossiers.SaveAsync(Numbered(await SubmittedDossierAsync(), 1), Ct);
        var dossiers = new List<InstanceState>();
        for (var i = 0; i < 6; i++)
        {
            dossiers.Add(await SubmittedDossierAsync());
        }

        var gate = new TransactionGate();
        await using var grouped = GroupCommitServices(gate);
        var store = grouped.GetRequiredService<IDossierStore>();
        var plug = store.SaveAsync(Submitted(NewDossierId(), Ward, At(12, 9)), Ct);
        await gate.FirstStarted.WaitAsync(Ct);

        // Every change was decided on the register as committed (last number 1), so each asks for number 2.
        var read = await Registers.ReadAsync([Receipts], Ct);
        var changes = dossiers.Select(d => Renumberable(d, read)).ToList();
        var saves = changes.Select(c => store.SaveAsync(c, Ct)).ToList();
        gate.Release();

        await plug;
        await Task.WhenAll(saves);
        gate.Commits.ShouldBe(2, "the plug, then all six numbered changes in one transaction");
        var numbers = new List<long>();
        for (var i = 0; i < dossiers.Count; i++)
        {
            var history = await Dossiers.ReadHistoryAsync(dossiers[i].Dossier, Ct);
            var assigned = history.Select(e => e.Event).OfType<NumberAssigned>().ShouldHaveSingleItem();
            numbers.Add(assigned.Sequence);
            assigned.Number.ShouldBe($"{assigned.Sequence}/2025");

            // The caller learns what was written in its place: the renumbered change, or its own for the first.
            var written = changes[i].Renumbering!.Written ?? changes[i];
            written.Events.Select(e => e.Event).OfType<NumberAssigned>().ShouldHaveSingleItem().Sequence.ShouldBe(assigned.Sequence);
        }

        numbers.Order().ShouldBe([2, 3, 4, 5, 6, 7]);
        changes.Count(c => c.Renumbering!.Written is null).ShouldBe(1, "only the first change was written as decided");
        (await Registers.ReadAsync([Receipts], Ct)).LastOf(Receipts).ShouldBe(7);
    }

    [Fact]
    public async Task Group_commit_fails_a_change_on_a_taken_number_when_it_cannot_be_decided_again()
    {
        var first = await SubmittedDossierAsync();
        var second = await SubmittedDossierAsync();
        var gate = new TransactionGate();
        await using var grouped = GroupCommitServices(gate);
        var store = grouped.GetRequiredService<IDossierStore>();
        var plug = store.SaveAsync(Submitted(NewDossierId(), Ward, At(12, 9)), Ct);
        await gate.FirstStarted.WaitAsync(Ct);

        var winner = store.SaveAsync(Numbered(first, 1), Ct);
        var loser = store.SaveAsync(Numbered(second, 1), Ct); // no way to decide it again
        gate.Release();

        await plug;
        await winner;
        await Should.ThrowAsync<ConcurrencyConflictException>(() => loser);
        (await Dossiers.FindAsync(second.Dossier, Ct))!.Version.ShouldBe(second.Version);
        (await Registers.ReadAsync([Receipts], Ct)).LastOf(Receipts).ShouldBe(1);
    }

    /// <summary>A numbered change that can be decided again on other numbers, as the runtime's are.</summary>
    private static DossierChange Renumberable(InstanceState state, RegisterSnapshot numbers) =>
        Numbered(state, numbers.LastOf(Receipts) + 1) with
        {
            Renumbering = new Renumbering(numbers, running => Numbered(state, running.LastOf(Receipts) + 1)),
        };

    [Fact]
    public void Group_commit_refuses_to_wrap_a_store_that_is_already_decorated()
    {
        var collection = new ServiceCollection();
        foreach (var registration in registrations)
        {
            ((ICollection<ServiceDescriptor>)collection).Add(registration);
        }

        collection.AddWorkflowsGroupCommit();

        Should.Throw<InvalidOperationException>(() => collection.AddWorkflowsGroupCommit())
            .Message.ShouldContain("before AddWorkflowsTimers");
        Should.Throw<ArgumentOutOfRangeException>(() => new ServiceCollection().AddWorkflowsGroupCommit(new GroupCommitOptions { MaxBatch = 0 }));
    }

    private static DossierChange Claimed(InstanceState state, UserId by) =>
        Next(state, At(12, 11), by, [new TaskClaimed(1, by)], [new AssignTask(new TaskId(state.Dossier, 1), by)]);

    /// <summary>The provider's own registrations over the same database, with group commit (and a gate) added.</summary>
    private ServiceProvider GroupCommitServices(TransactionGate? gate, int maxBatch = 64)
    {
        var collection = new ServiceCollection();
        foreach (var registration in registrations)
        {
            ((ICollection<ServiceDescriptor>)collection).Add(registration);
        }

        if (gate is not null)
        {
            collection.ConfigureDbContext<WorkflowsDbContext>(options => options.AddInterceptors(gate));
        }

        collection.AddWorkflowsGroupCommit(new GroupCommitOptions { MaxBatch = maxBatch });
        return collection.BuildServiceProvider();
    }

    /// <summary>Holds the first transaction open until released, and counts commits.</summary>
    private sealed class TransactionGate : DbTransactionInterceptor
    {
        private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int opened;
        private int commits;

        public Task FirstStarted => started.Task;

        public int Commits => Volatile.Read(ref commits);

        public void Release() => released.TrySetResult();

        public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref opened) == 1)
            {
                started.TrySetResult();
                await released.Task.WaitAsync(cancellationToken);
            }

            return result;
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref commits);
            return Task.CompletedTask;
        }
    }
}
