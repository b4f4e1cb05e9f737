using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using static Workflows.Engine.Persistence.Tests.Contract.Samples;

namespace Workflows.Engine.Persistence.Tests.Contract;

/// <summary>
/// How a save writes (persist3): a change that says which state it was decided on is written by key, without a
/// read inside its transaction; rows that are not what that state implies still fail loudly or are read.
/// </summary>
public abstract partial class PersistenceContractTests
{
    [Fact]
    public async Task A_change_decided_on_the_previous_state_is_saved_without_reading_anything()
    {
        var submitted = Submitted(NewDossierId(), Commune, At(10, 8));
        await Dossiers.SaveAsync(submitted, Ct);
        var waiting = StartTimer(submitted.State, instance: 2, At(10, 9), due: At(12, 9));
        var log = new StatementLog();
        await using var logged = ServicesWith(log);
        var store = logged.GetRequiredService<IDossierStore>();

        await store.SaveAsync(waiting, Ct);
        var moved = Next(waiting.State, At(10, 10), Actor.SystemUser, [new TaskClaimed(1, Officer)], [new AssignTask(new TaskId(submitted.State.Dossier, 1), Officer), new ScheduleTimer(submitted.State.Dossier, 2, At(13, 9), TimerPurpose.TimerStep)]);
        await store.SaveAsync(moved, Ct);
        await store.SaveAsync(LeaveStep(moved.State, 2, At(13, 9)), Ct);

        log.Reads.ShouldBeEmpty();
        log.Statements.ShouldNotBeEmpty();
        (await Tasks.ListAsync(new TaskFilter { Dossier = submitted.State.Dossier }, Ct)).ShouldHaveSingleItem().Assignee.ShouldBe(Officer);
        (await Timers.ListDueAsync(At(31, 0), take: 10, Ct)).ShouldBeEmpty();
        (await Dossiers.FindAsync(submitted.State.Dossier, Ct))!.Version.ShouldBe(4);
    }

    [Fact]
    public async Task An_effect_on_a_task_that_has_no_row_fails_the_save_and_writes_nothing()
    {
        var submitted = Submitted(NewDossierId(), Commune, At(10, 8));
        await Dossiers.SaveAsync(submitted, Ct);
        var id = submitted.State.Dossier;

        var ghost = Next(submitted.State, At(10, 9), Officer, [new TaskClaimed(7, Officer)], [new AssignTask(new TaskId(id, 7), Officer)]);

        (await Should.ThrowAsync<InvalidOperationException>(() => Dossiers.SaveAsync(ghost, Ct))).Message.ShouldContain("never opened");
        (await Dossiers.FindAsync(id, Ct))!.Version.ShouldBe(1);
        (await Dossiers.ReadHistoryAsync(id, Ct)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Timer_rows_that_disagree_with_the_previous_state_are_read_and_the_save_still_succeeds()
    {
        var submitted = Submitted(NewDossierId(), Commune, At(10, 8));
        await Dossiers.SaveAsync(submitted, Ct);
        var waiting = StartTimer(submitted.State, instance: 2, At(10, 9), due: At(12, 9));
        await Dossiers.SaveAsync(waiting, Ct);

        // The timer service discarded the row (a stale timer) while the state still holds the timer.
        await Timers.DiscardAsync(new TimerRecord(submitted.State.Dossier, 2, At(12, 9), TimerPurpose.TimerStep), Ct);
        await Dossiers.SaveAsync(LeaveStep(waiting.State, 2, At(12, 9)), Ct);

        (await Dossiers.FindAsync(submitted.State.Dossier, Ct))!.Version.ShouldBe(3);
        (await Timers.ListDueAsync(At(31, 0), take: 10, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_change_that_does_not_say_what_it_was_decided_on_reads_the_timer_rows()
    {
        var submitted = Submitted(NewDossierId(), Commune, At(10, 8));
        await Dossiers.SaveAsync(submitted, Ct);
        var first = StartTimer(submitted.State, instance: 2, At(10, 9), due: At(12, 9));
        await Dossiers.SaveAsync(first with { Previous = null }, Ct);
        var second = StartTimer(first.State, instance: 3, At(10, 9), due: At(14, 9));
        await Dossiers.SaveAsync(second with { Previous = null }, Ct);

        await Dossiers.SaveAsync(LeaveStep(second.State, 2, At(12, 9)) with { Previous = null }, Ct);

        (await Timers.ListDueAsync(At(31, 0), take: 10, Ct)).ShouldHaveSingleItem().StepInstance.ShouldBe(3);
    }

    /// <summary>The provider's own registrations over the same database, with <paramref name="interceptor"/> added.</summary>
    private ServiceProvider ServicesWith(IInterceptor interceptor)
    {
        var collection = new ServiceCollection();
        foreach (var registration in registrations)
        {
            ((ICollection<ServiceDescriptor>)collection).Add(registration);
        }

        collection.ConfigureDbContext<WorkflowsDbContext>(options => options.AddInterceptors(interceptor));
        return collection.BuildServiceProvider();
    }

    /// <summary>Every SQL statement sent, and those that read.</summary>
    private sealed partial class StatementLog : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> statements = new();

        public IReadOnlyList<string> Statements => [.. statements];

        public IReadOnlyList<string> Reads => [.. statements.Where(s => Select().IsMatch(s))];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            statements.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            statements.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            statements.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        [GeneratedRegex(@"^\s*SELECT\b", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
        private static partial Regex Select();
    }
}
