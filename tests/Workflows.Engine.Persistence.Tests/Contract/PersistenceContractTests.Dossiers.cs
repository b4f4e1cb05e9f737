using System.Text.Json;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;
using static Workflows.Engine.Persistence.Tests.Contract.Samples;

namespace Workflows.Engine.Persistence.Tests.Contract;

public abstract partial class PersistenceContractTests
{
    private static readonly UnitId Commune = new("xa-tan-dinh");

    [Fact]
    public async Task Saved_dossier_reads_back_with_the_same_state_json()
    {
        var submitted = Submitted(NewDossierId(), Commune, At(10, 8, 15), taskDue: At(11, 17));
        await Dossiers.SaveAsync(submitted, Ct);
        var received = Next(submitted.State, At(10, 9, 30), Officer, [new DossierStatusChanged(DossierStatus.New, DossierStatus.Received) { DueAt = At(24, 17) }], [], s => s with
        {
            Status = DossierStatus.Received,
            ReceivedAt = At(10, 9, 30),
            DueAt = At(24, 17),
        });
        await Dossiers.SaveAsync(received, Ct);

        var found = await Dossiers.FindAsync(received.State.Dossier, Ct);

        found.ShouldNotBeNull();
        var json = JsonSerializer.Serialize(found, WorkflowJson.Options);
        json.ShouldBe(JsonSerializer.Serialize(received.State, WorkflowJson.Options));
        json.ShouldContain("Nguyễn Thị Ánh Dương");
        found.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Unknown_dossier_reads_as_null_with_no_history()
    {
        var unknown = NewDossierId();

        (await Dossiers.FindAsync(unknown, Ct)).ShouldBeNull();
        (await Dossiers.ReadHistoryAsync(unknown, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Saving_from_a_stale_version_conflicts_and_writes_nothing()
    {
        var submitted = Submitted(NewDossierId(), Commune, At(10, 8));
        await Dossiers.SaveAsync(submitted, Ct);
        var first = Next(submitted.State, At(10, 9), Officer, [new TaskClaimed(1, Officer)], [new AssignTask(new TaskId(submitted.State.Dossier, 1), Officer)]);
        await Dossiers.SaveAsync(first, Ct);

        // Computed from version 1 as well, but saved after version 2 exists.
        var task = new TaskId(submitted.State.Dossier, 1);
        var stale = Next(
            submitted.State,
            At(10, 10),
            Citizen,
            [new StepCompleted(1, new("receive")) { Outcome = "accept" }],
            [
                new CloseTask(task, TaskClosure.Completed, At(10, 10), Citizen) { Outcome = "accept" },
                new OpenTask(new TaskId(submitted.State.Dossier, 2), new("appraise"), StepKind.Task, "Thẩm định", "specialist", Commune, At(10, 10)),
            ]) with
        { Idempotency = new IdempotencyRecord("stale-request", "hash", submitted.State.Dossier, At(10, 10)) };

        await Should.ThrowAsync<ConcurrencyConflictException>(() => Dossiers.SaveAsync(stale, Ct));

        (await Dossiers.FindAsync(submitted.State.Dossier, Ct))!.Version.ShouldBe(2);
        (await Dossiers.ReadHistoryAsync(submitted.State.Dossier, Ct)).Select(e => e.Sequence).ShouldBe([1, 2, 3]);
        var tasks = await Tasks.ListAsync(new TaskFilter { Dossier = submitted.State.Dossier, State = null }, Ct);
        tasks.ShouldHaveSingleItem().State.ShouldBe(TaskState.Open);
        tasks[0].Assignee.ShouldBe(Officer);
        (await Dossiers.FindIdempotencyAsync("stale-request", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Submitting_the_same_dossier_id_twice_conflicts()
    {
        var submitted = Submitted(NewDossierId(), Commune, At(10, 8));
        await Dossiers.SaveAsync(submitted, Ct);

        await Should.ThrowAsync<ConcurrencyConflictException>(() => Dossiers.SaveAsync(submitted, Ct));

        (await Dossiers.ReadHistoryAsync(submitted.State.Dossier, Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Two_concurrent_saves_from_the_same_version_let_exactly_one_win()
    {
        var submitted = Submitted(NewDossierId(), Commune, At(10, 8));
        await Dossiers.SaveAsync(submitted, Ct);
        var task = new TaskId(submitted.State.Dossier, 1);
        var officers = new[] { new UserId("officer-an"), new UserId("officer-binh") };
        var changes = officers.Select(o => Next(submitted.State, At(10, 9), o, [new TaskClaimed(1, o)], [new AssignTask(task, o)])).ToArray();

        var outcomes = await Task.WhenAll(changes.Select(c => Task.Run(() => TrySaveAsync(c), Ct)));

        outcomes.Count(o => o is null).ShouldBe(1);
        outcomes.Count(o => o is ConcurrencyConflictException).ShouldBe(1);
        var winner = officers[Array.IndexOf(outcomes, null)];
        var history = await Dossiers.ReadHistoryAsync(submitted.State.Dossier, Ct);
        history.Count.ShouldBe(3);
        history[2].Actor.ShouldBe(winner);
        (await Tasks.ListAsync(new TaskFilter { Dossier = submitted.State.Dossier }, Ct)).ShouldHaveSingleItem().Assignee.ShouldBe(winner);
    }

    [Fact]
    public async Task Two_concurrent_submissions_of_one_dossier_let_exactly_one_win()
    {
        var submitted = Submitted(NewDossierId(), Commune, At(10, 8));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => TrySaveAsync(submitted), Ct)));

        outcomes.Count(o => o is null).ShouldBe(1);
        outcomes.Count(o => o is ConcurrencyConflictException).ShouldBe(1);
        (await Dossiers.ReadHistoryAsync(submitted.State.Dossier, Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task History_reads_back_in_sequence_order_with_every_event_intact()
    {
        var submitted = Submitted(NewDossierId(), Commune, At(10, 8));
        var claimed = Next(submitted.State, At(10, 9), Officer, [new TaskClaimed(1, Officer)], []);
        var completed = Next(claimed.State, At(10, 10), Officer, [new StepCompleted(1, new("receive")) { Outcome = "accept", Comment = "Hồ sơ đầy đủ, hợp lệ." }, new DossierStatusChanged(DossierStatus.New, DossierStatus.Received) { DueAt = At(24, 17) }], []);
        foreach (var change in new[] { submitted, claimed, completed })
        {
            await Dossiers.SaveAsync(change, Ct);
        }

        var history = await Dossiers.ReadHistoryAsync(submitted.State.Dossier, Ct);

        var expected = submitted.Events.Concat(claimed.Events).Concat(completed.Events).ToList();
        history.Select(e => e.Sequence).ShouldBe([1, 2, 3, 4, 5]);
        history.Select(e => e.At).ShouldBe(expected.Select(e => e.At));
        history.Select(e => e.Actor).ShouldBe(expected.Select(e => e.Actor));
        history.Select(e => JsonSerializer.Serialize(e.Event, WorkflowJson.Options))
            .ShouldBe(expected.Select(e => JsonSerializer.Serialize(e.Event, WorkflowJson.Options)));
    }

    [Fact]
    public async Task Idempotency_record_is_found_by_its_key()
    {
        var id = NewDossierId();
        var record = new IdempotencyRecord("submit-7f3a", "sha256:abc", id, At(10, 8));
        await Dossiers.SaveAsync(Submitted(id, Commune, At(10, 8)) with { Idempotency = record }, Ct);

        (await Dossiers.FindIdempotencyAsync("submit-7f3a", Ct)).ShouldBe(record);
        (await Dossiers.FindIdempotencyAsync("never-used", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Reusing_an_idempotency_key_conflicts_and_writes_nothing()
    {
        var first = NewDossierId();
        await Dossiers.SaveAsync(Submitted(first, Commune, At(10, 8)) with { Idempotency = new("submit-7f3a", "sha256:abc", first, At(10, 8)) }, Ct);
        var second = NewDossierId();

        await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            Dossiers.SaveAsync(Submitted(second, Commune, At(10, 9)) with { Idempotency = new("submit-7f3a", "sha256:abc", second, At(10, 9)) }, Ct));

        (await Dossiers.FindAsync(second, Ct)).ShouldBeNull();
        (await Tasks.ListAsync(new TaskFilter { Dossier = second, State = null }, Ct)).ShouldBeEmpty();
        (await Dossiers.FindIdempotencyAsync("submit-7f3a", Ct))!.Dossier.ShouldBe(first);
    }

    private async Task<Exception?> TrySaveAsync(DossierChange change)
    {
        try
        {
            await Dossiers.SaveAsync(change, Ct);
            return null;
        }
        catch (ConcurrencyConflictException e)
        {
            return e;
        }
    }
}
