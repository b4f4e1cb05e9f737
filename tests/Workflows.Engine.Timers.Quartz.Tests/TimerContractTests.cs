using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.Application;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Timers.Quartz.Tests;

/// <summary>
/// SLA timers end to end on a real database (SQLite and PostgreSQL subclasses): submitted through the runtime,
/// stored as rows, delivered by the dispatcher as the fake clock passes each instant.
/// </summary>
public abstract class TimerContractTests
{
    public const string Definition = """
        {
          "id": "construction-permit", "name": "Cấp giấy phép xây dựng", "deadline": "15d",
          "roles": [ { "id": "desk-officer" }, { "id": "specialist" }, { "id": "leader" } ],
          "escalation": [
            { "after": "-1d", "action": "notify-assignee" },
            { "after": "0h", "action": "notify-unit-leader" },
            { "after": "4h", "action": "reassign" },
            { "after": "1d", "action": "raise-priority" },
            { "after": "1d", "action": "draft-apology" }
          ],
          "steps": [
            { "id": "start", "kind": "start" },
            { "id": "receive", "kind": "task", "role": "desk-officer", "outcomes": ["accept"] },
            { "id": "appraise", "kind": "task", "role": "specialist", "budget": "3d", "status": "in-process", "outcomes": ["done"] },
            { "id": "end", "kind": "end", "status": "refused" }
          ],
          "transitions": [
            { "from": "start", "to": "receive" },
            { "from": "receive", "to": "appraise", "outcome": "accept" },
            { "from": "appraise", "to": "end", "outcome": "done" }
          ]
        }
        """;

    protected static readonly UnitId Commune = new("xa-tan-an");
    private static readonly Actor Applicant = new(new UserId("citizen-an"), new UnitId("tinh-demo"), ["citizen"]);
    private static readonly Actor Desk = new(new UserId("desk-lan"), Commune, ["desk-officer"]);
    private static readonly Actor Specialist = new(new UserId("spec-hoa"), Commune, ["specialist"]);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected FakeTimeProvider Clock { get; } = new(May(4, 9)) { AutoAdvanceAmount = TimeSpan.Zero };

    protected static DateTimeOffset May(int day, int hour, int minute = 0) => new(2026, 5, day, hour, minute, 0, TimeSpan.FromHours(7));

    /// <summary>Registers the provider against the test's database (the same one every time it is called).</summary>
    protected abstract ValueTask AddProviderAsync(IServiceCollection services);

    private async Task<TimerHost> StartHostAsync()
    {
        var collection = new ServiceCollection();
        await AddProviderAsync(collection);
        return await TimerHost.StartAsync(s => { foreach (var d in collection) { s.Add(d); } }, Clock, Ct);
    }

    /// <summary>A dossier received Monday 4 May 09:00 whose appraisal (due Thursday 09:00) the specialist claimed.</summary>
    private static async Task<DossierId> ReceivedAndClaimedAsync(TimerHost host)
    {
        var published = await host.Get<ProcedureCatalog>().ImportAndPublishAsync(Definition, Actor.SystemUser, null, Ct);
        published.ShouldBeOfType<CatalogDone>();
        var submitted = (CommandAccepted)await host.Runtime.SubmitAsync(new WorkflowRuntime.Submission(new("construction-permit"), null, Commune, SubmissionChannel.Online, new Dictionary<string, System.Text.Json.JsonElement>(), Applicant), Ct);
        var id = submitted.State.Dossier;
        var receive = submitted.State.ActiveSteps.Single().Instance;
        var received = (CommandAccepted)await host.Runtime.ExecuteAsync(id, new CompleteTask(receive, "accept", new Dictionary<string, System.Text.Json.JsonElement>(), Desk), Ct);
        (await host.Runtime.ExecuteAsync(id, new ClaimTask(received.State.ActiveSteps.Single().Instance, Specialist), Ct)).ShouldBeOfType<CommandAccepted>();
        return id;
    }

    private static async Task<List<string>> SlaEventsAsync(TimerHost host, DossierId id) =>
        [.. (await host.Dossiers.ReadHistoryAsync(id, Ct)).Select(e => e.Event).Where(e => e is StepDueSoon or StepOverdue or EscalationRungReached or DossierDueSoon or DossierOverdue or ApologyDrafted or TaskReassigned or TaskPriorityRaised)
            .Select(e => e is EscalationRungReached r ? $"rung {r.Rung} {r.Action}" : e.GetType().Name)];

    [Fact]
    public async Task The_fake_clock_walks_a_dossier_through_warning_overdue_every_rung_and_the_appointment()
    {
        await using var host = await StartHostAsync();
        var id = await ReceivedAndClaimedAsync(host);
        (await host.Timers.CountAsync(Ct)).ShouldBe(9);

        async Task<int> At(DateTimeOffset instant)
        {
            Clock.SetUtcNow(instant);
            return (await host.Dispatcher.DeliverDueAsync(Ct)).Delivered;
        }

        (await At(May(6, 8, 59))).ShouldBe(0);
        (await At(May(6, 9))).ShouldBe(2);
        (await At(May(7, 9))).ShouldBe(2);
        (await At(May(7, 14, 30))).ShouldBe(1);
        (await At(May(8, 9))).ShouldBe(2);
        (await At(May(20, 9))).ShouldBe(1);
        (await At(May(25, 9))).ShouldBe(1);
        (await At(May(29, 9))).ShouldBe(0);

        (await SlaEventsAsync(host, id)).ShouldBe(
        [
            "StepDueSoon", "rung 0 NotifyAssignee",
            "rung 1 NotifyUnitLeader", "StepOverdue", // one instant: delivered in key order
            "rung 2 Reassign", "TaskReassigned",
            "rung 3 RaisePriority", "TaskPriorityRaised", "rung 4 DraftApology", "ApologyDrafted",
            "DossierDueSoon", "DossierOverdue",
        ]);
        (await host.Timers.CountAsync(Ct)).ShouldBe(0);

        var leaderInbox = await host.Notifications.ListForAsync(new UserId("leader-tuan"), Commune, ["leader"], null, 50, Ct);
        leaderInbox.Select(n => n.Kind).ShouldBe([NotificationKind.DossierOverdue, NotificationKind.DossierDueSoon, NotificationKind.ApologyDrafted, NotificationKind.Escalation]);
        var specialistInbox = await host.Notifications.ListForAsync(Specialist.User, Commune, Specialist.Roles, null, 50, Ct);
        specialistInbox.Select(n => n.Kind).ShouldBe([NotificationKind.TaskReassigned, NotificationKind.StepOverdue, NotificationKind.Escalation, NotificationKind.StepDueSoon]);
    }

    [Fact]
    public async Task Timers_missed_while_the_hosts_were_down_fire_once_after_restart_even_with_two_hosts()
    {
        DossierId id;
        await using (var before = await StartHostAsync())
        {
            id = await ReceivedAndClaimedAsync(before);
        }

        // Down from Monday to Friday 10:00: seven step timers fell due meanwhile.
        Clock.SetUtcNow(May(8, 10));
        await using var first = await StartHostAsync();
        await using var second = await StartHostAsync();

        (await first.Scheduler.RebuildAsync(Ct)).ShouldBe(2, "the dossier's due-soon and overdue instants are still ahead");
        await second.Scheduler.RebuildAsync(Ct);
        var deliveries = await Task.WhenAll(first.Dispatcher.DeliverDueAsync(Ct), second.Dispatcher.DeliverDueAsync(Ct));

        // Whatever a busy dossier made either host leave for later, one more run delivers; nothing fires twice.
        var late = await first.Dispatcher.DeliverDueAsync(Ct);
        (deliveries.Sum(d => d.Delivered) + late.Delivered).ShouldBe(7);
        (await second.Dispatcher.DeliverDueAsync(Ct)).Delivered.ShouldBe(0);

        var events = await SlaEventsAsync(first, id);
        events.Where(e => e.StartsWith("rung", StringComparison.Ordinal)).Order().ShouldBe(
            ["rung 0 NotifyAssignee", "rung 1 NotifyUnitLeader", "rung 2 Reassign", "rung 3 RaisePriority", "rung 4 DraftApology"]);
        events.Count(e => e == "StepDueSoon").ShouldBe(1);
        events.Count(e => e == "StepOverdue").ShouldBe(1);
        (await first.Timers.CountAsync(Ct)).ShouldBe(2);
    }

    [Fact]
    public async Task A_stale_timer_row_is_refused_by_the_core_and_discarded()
    {
        await using var host = await StartHostAsync();
        var id = await ReceivedAndClaimedAsync(host);
        var state = (await host.Dossiers.FindAsync(id, Ct))!;

        // The specialist finishes: the step's timers leave the state and their rows go in the same transaction.
        (await host.Runtime.ExecuteAsync(id, new CompleteTask(state.ActiveSteps.Single().Instance, "done", ImmutableDictionary<string, System.Text.Json.JsonElement>.Empty, Specialist), Ct)).ShouldBeOfType<CommandAccepted>();
        (await host.Timers.CountAsync(Ct)).ShouldBe(0);

        Clock.SetUtcNow(May(29, 9));
        (await host.Dispatcher.DeliverDueAsync(Ct)).ShouldBe(new TimerDelivery(0, 0));
    }

    [Fact]
    public async Task The_relay_hands_the_outbox_to_every_sender_once()
    {
        await using var host = await StartHostAsync();
        await ReceivedAndClaimedAsync(host);
        Clock.SetUtcNow(May(7, 9));
        await host.Dispatcher.DeliverDueAsync(Ct);

        var sent = new List<NotificationKind>();
        var relay = new NotificationRelay(host.Notifications, [new RecordingSender(sent)], Clock);
        (await relay.RelayAsync(Ct)).ShouldBe(4);
        (await relay.RelayAsync(Ct)).ShouldBe(0);
        sent.Count.ShouldBe(4);
    }

    private sealed class RecordingSender(List<NotificationKind> sent) : INotificationSender
    {
        public Task SendAsync(Engine.Application.Ports.NotificationRecord notification, CancellationToken cancellationToken)
        {
            sent.Add(notification.Kind);
            return Task.CompletedTask;
        }
    }
}
