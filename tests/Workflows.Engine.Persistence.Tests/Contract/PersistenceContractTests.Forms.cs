using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution.Events;
using static Workflows.Engine.Persistence.Tests.Contract.Samples;

namespace Workflows.Engine.Persistence.Tests.Contract;

public abstract partial class PersistenceContractTests
{
    private IDossierFormStore Forms => Get<IDossierFormStore>();

    /// <summary>A dossier received and then given a new appointment: two events a form may be printed for.</summary>
    private async Task<IReadOnlyList<FormTrigger>> TwoFormTriggersAsync()
    {
        var submitted = Submitted(NewDossierId(), new Identity.UnitId("xa-tan-an"), At(3, 8));
        await Dossiers.SaveAsync(submitted, Ct);
        var received = Next(submitted.State, At(3, 9), Officer, [new DossierStatusChanged(DossierStatus.New, DossierStatus.Received)], []);
        await Dossiers.SaveAsync(received, Ct);
        await Dossiers.SaveAsync(Next(received.State, At(4, 9), Officer, [new AppointmentRescheduled(At(10, 17), At(11, 17), "supplement")], []), Ct);
        return await Forms.ListUnhandledAsync(FormTriggers.EventTypes, 100, Ct);
    }

    [Fact]
    public async Task Events_a_form_may_be_printed_for_are_queued_with_them_and_leave_the_queue_when_handled()
    {
        var triggers = await TwoFormTriggersAsync();

        triggers.Select(t => (t.Sequence, t.EventType)).ShouldBe([(3L, "status-changed"), (4L, "appointment-rescheduled")]);
        (await Forms.RecordNoFormAsync([triggers[0]], At(4, 10), Ct)).ShouldBe(1);
        (await Forms.RecordAsync(triggers[1], null, null, At(4, 10), Ct)).ShouldBeTrue();
        (await Forms.ListUnhandledAsync(FormTriggers.EventTypes, 100, Ct)).ShouldBeEmpty();

        // A second producer that read the queue before the first one recorded writes nothing and fails nothing.
        (await Forms.RecordAsync(triggers[1], null, null, At(4, 11), Ct)).ShouldBeFalse();
        (await Forms.RecordNoFormAsync([triggers[0]], At(4, 11), Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task The_queue_s_migration_queues_the_unhandled_events_an_existing_database_already_holds()
    {
        var triggers = await TwoFormTriggersAsync();
        await Forms.RecordNoFormAsync([triggers[0]], At(4, 10), Ct);

        // Take the database back to before the queue, as an installation upgraded today is, and migrate it forward.
        await using (var db = await Get<IDbContextFactory<WorkflowsDbContext>>().CreateDbContextAsync(Ct))
        {
            var migrations = db.Database.GetMigrations().ToList();
            var migrator = db.GetService<IMigrator>();
            await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_FormQueue", StringComparison.Ordinal)) - 1], cancellationToken: Ct);
            await migrator.MigrateAsync(cancellationToken: Ct);
        }

        (await Forms.ListUnhandledAsync(FormTriggers.EventTypes, 100, Ct)).ShouldBe([triggers[1]]);
    }
}
