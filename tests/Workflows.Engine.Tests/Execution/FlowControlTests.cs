using Workflows.Engine.Definitions;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Execution;

/// <summary>Gateways, parallel branches, timers and automatic steps on a small procedure built for the purpose.</summary>
public class FlowControlTests
{
    private const string Definition = """
        {
          "id": "consultation-demo", "name": "Consultation demo", "deadline": "10d",
          "roles": [ { "id": "officer", "name": "Officer" }, { "id": "police", "name": "Police" } ],
          "form": { "fields": [
            { "key": "pages", "type": "number", "required": true },
            { "key": "fee", "type": "number" },
            { "key": "needsConsultation", "type": "boolean", "required": true },
            { "key": "policeOpinion", "type": "text" }
          ] },
          "steps": [
            { "id": "start", "kind": "start" },
            { "id": "price", "kind": "automatic", "set": { "fee": "min(pages * 2000, 200000)" } },
            { "id": "consult", "kind": "gateway" },
            { "id": "split", "kind": "parallel-split" },
            { "id": "police", "kind": "task", "role": "police", "unit": "cong-an-tinh", "budget": "5d", "outcomes": ["answered"], "fields": ["policeOpinion"], "status": "in-process" },
            { "id": "cool-off", "kind": "timer", "wait": "2d" },
            { "id": "join", "kind": "parallel-join" },
            { "id": "decide", "kind": "task", "role": "officer", "budget": "1d", "outcomes": ["done"], "status": "in-process" },
            { "id": "end", "kind": "end", "status": "refused" }
          ],
          "transitions": [
            { "from": "start", "to": "price" },
            { "from": "price", "to": "consult" },
            { "from": "consult", "to": "split", "condition": "needsConsultation && fee > 0" },
            { "from": "consult", "to": "decide", "default": true },
            { "from": "split", "to": "police" },
            { "from": "split", "to": "cool-off" },
            { "from": "police", "to": "join", "outcome": "answered" },
            { "from": "cool-off", "to": "join" },
            { "from": "join", "to": "decide" },
            { "from": "decide", "to": "end", "outcome": "done" }
          ]
        }
        """;

    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 9, 0, 0, TimeSpan.FromHours(7));
    private static readonly UnitId Police = new("cong-an-tinh");
    private static readonly Actor PoliceOfficer = new(new UserId("police-khoa"), Police, ["police"]);
    private static readonly Actor Officer = new(new UserId("officer-a"), Actors.Commune, ["officer"]);

    private readonly ExecutableProcedure procedure = SampleProcedures.Executable(Definition);
    private readonly WorkflowExecutor executor = new(ContinuousCalendar.Instance);
    private InstanceState? state;

    private Accepted Do(WorkflowCommand command, DateTimeOffset? at = null)
    {
        var decision = executor.Execute(procedure, state, command, at ?? T0);
        var accepted = decision as Accepted ?? throw new ShouldAssertException($"Rejected: {((Rejected)decision).Rejection}");
        state = accepted.State;
        return accepted;
    }

    private Accepted Submit(int pages, bool consult) =>
        Do(new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Desk, Json.Data(new { pages, needsConsultation = consult }), Officer));

    [Fact]
    public void An_automatic_step_computes_form_data_from_an_expression()
    {
        var accepted = Submit(pages: 3, consult: false);

        accepted.State.Data["fee"].GetDecimal().ShouldBe(6000m);
        accepted.Events.Select(e => e.Event).OfType<DataChanged>().ShouldHaveSingleItem().Step.Value.ShouldBe("price");
    }

    [Fact]
    public void A_gateway_takes_the_default_branch_when_no_condition_holds()
    {
        var accepted = Submit(pages: 3, consult: false);

        accepted.Events.Select(e => e.Event).OfType<GatewayRouted>().ShouldHaveSingleItem().Reason.ShouldBe("default");
        accepted.State.ActiveSteps.ShouldHaveSingleItem().Step.Value.ShouldBe("decide");
    }

    [Fact]
    public void A_parallel_split_opens_a_consultation_in_another_unit_and_a_timer_at_once()
    {
        var accepted = Submit(pages: 3, consult: true);

        accepted.Events.Select(e => e.Event).OfType<GatewayRouted>().Single().Reason.ShouldBe("needsConsultation && fee > 0");
        var consultation = accepted.Effects.OfType<OpenTask>().ShouldHaveSingleItem();
        consultation.Unit.ShouldBe(Police);
        consultation.DueAt.ShouldBe(T0.AddHours(40));
        accepted.Effects.OfType<ScheduleTimer>().Where(t => t.Purpose == TimerPurpose.TimerStep).ShouldHaveSingleItem().DueAt.ShouldBe(T0.AddHours(16));
        accepted.State.Status.ShouldBe(DossierStatus.InProcess);
    }

    [Fact]
    public void The_join_waits_for_every_branch_before_continuing()
    {
        Submit(pages: 3, consult: true);
        var police = state!.ActiveSteps.Single(s => s.Step.Value == "police").Instance;
        var timer = state.ActiveSteps.Single(s => s.Kind == StepKind.Timer).Instance;

        var answered = Do(new CompleteTask(police, "answered", Json.Data(new { policeOpinion = "Không có tiền án" }), PoliceOfficer), T0.AddHours(3));
        answered.Events.Select(e => e.Event).OfType<JoinWaiting>().ShouldHaveSingleItem().ShouldBe(new JoinWaiting(new StepId("join"), 1, 2));
        answered.State.ActiveSteps.ShouldHaveSingleItem().Kind.ShouldBe(StepKind.Timer);

        var fired = Do(new FireTimer(timer, Actor.System(Actors.Commune)), T0.AddHours(16));
        fired.State.ActiveSteps.ShouldHaveSingleItem().Step.Value.ShouldBe("decide");
        fired.State.JoinArrivals.ShouldBeEmpty();
    }

    [Fact]
    public void A_timer_that_already_fired_does_nothing_when_delivered_again()
    {
        Submit(pages: 3, consult: true);
        var timer = state!.ActiveSteps.Single(s => s.Kind == StepKind.Timer).Instance;
        Do(new FireTimer(timer, Actor.System(Actors.Commune)), T0.AddHours(16));

        var again = executor.Execute(procedure, state, new FireTimer(timer, Actor.System(Actors.Commune)), T0.AddHours(17));

        again.ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.NotATimer);
    }

    [Fact]
    public void Ending_the_dossier_cancels_the_steps_still_waiting()
    {
        var looping = Definition
            .Replace("""{ "from": "police", "to": "join", "outcome": "answered" },""", """{ "from": "police", "to": "end", "outcome": "answered" },""", StringComparison.Ordinal)
            .Replace("""{ "from": "cool-off", "to": "join" },""", """{ "from": "cool-off", "to": "join" }, { "from": "decide", "to": "join", "outcome": "wait" },""", StringComparison.Ordinal)
            .Replace("""["done"], "status": "in-process" }""", """["done", "wait"], "status": "in-process" }""", StringComparison.Ordinal);
        var ending = new WorkflowExecutor(ContinuousCalendar.Instance);
        var p = SampleProcedures.Executable(looping);
        var submitted = (Accepted)ending.Execute(p, null, new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Desk, Json.Data(new { pages = 1, needsConsultation = true }), Officer), T0);
        var police = submitted.State.ActiveSteps.Single(s => s.Step.Value == "police").Instance;

        var ended = (Accepted)ending.Execute(p, submitted.State, new CompleteTask(police, "answered", Json.None, PoliceOfficer), T0.AddHours(1));

        ended.State.IsCompleted.ShouldBeTrue();
        ended.Events.Select(e => e.Event).OfType<StepCancelled>().ShouldHaveSingleItem().Step.Value.ShouldBe("cool-off");
        ended.Effects.OfType<CancelTimer>().ShouldHaveSingleItem();
    }

    [Fact]
    public void A_condition_that_cannot_be_evaluated_rejects_the_command_with_the_reason()
    {
        var broken = Definition.Replace("needsConsultation && fee > 0", "needsConsultation && fee / (pages - pages) > 1", StringComparison.Ordinal);
        var p = ExecutableProcedure.Create(SampleProcedures.Parse(broken) with { Version = 1 });

        var decision = executor.Execute(p, null, new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Desk, Json.Data(new { pages = 1, needsConsultation = true }), Officer), T0);

        var rejection = decision.ShouldBeOfType<Rejected>().Rejection;
        rejection.Code.ShouldBe(RejectionCodes.ConditionFailed);
        rejection.Message.ShouldContain("consult");
    }

    [Fact]
    public void A_definition_that_loops_without_waiting_is_stopped()
    {
        const string Loop = """
            { "id": "loop", "name": "Loop", "form": { "fields": [ { "key": "n", "type": "number" } ] },
              "steps": [ { "id": "s", "kind": "start" }, { "id": "inc", "kind": "automatic", "set": { "n": "1" } }, { "id": "g", "kind": "gateway" }, { "id": "e", "kind": "end" } ],
              "transitions": [ { "from": "s", "to": "inc" }, { "from": "inc", "to": "g" }, { "from": "g", "to": "inc", "condition": "n > 0" }, { "from": "g", "to": "e", "default": true } ] }
            """;

        var decision = executor.Execute(SampleProcedures.Executable(Loop), null, new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Desk, Json.None, Officer), T0);

        decision.ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.RunawayLoop);
    }
}
