using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Execution;

public class TaskTimeoutTests
{
    private const string Definition = """
        { "id": "consulting", "name": "Consulting",
          "roles": [ { "id": "specialist" }, { "id": "police-officer" } ],
          "steps": [
            { "id": "start", "kind": "start" },
            { "id": "split", "kind": "parallel-split" },
            { "id": "check", "kind": "task", "role": "specialist", "outcomes": ["checked"] },
            { "id": "police", "kind": "task", "role": "police-officer", "unit": "cong-an-tinh", "budget": "6h",
              "outcomes": ["answered", "no-answer"], "timeout": { "after": "4h", "outcome": "no-answer" } },
            { "id": "joined", "kind": "parallel-join" },
            { "id": "draft", "kind": "task", "role": "specialist", "outcomes": ["done"] },
            { "id": "done", "kind": "end", "status": "returned" }
          ],
          "transitions": [
            { "from": "start", "to": "split" }, { "from": "split", "to": "check" }, { "from": "split", "to": "police" },
            { "from": "check", "to": "joined", "outcome": "checked" },
            { "from": "police", "to": "joined", "outcome": "answered" }, { "from": "police", "to": "joined", "outcome": "no-answer" },
            { "from": "joined", "to": "draft" }, { "from": "draft", "to": "done", "outcome": "done" }
          ] }
        """;

    private static readonly DateTimeOffset At = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly Actor Specialist = new(new UserId("econ-duc"), Actors.Commune, ["specialist"]);
    private static readonly Actor Police = new(new UserId("police-khoa"), new UnitId("cong-an-tinh"), ["police-officer"]);

    private readonly ExecutableProcedure procedure = SampleProcedures.Executable(Definition);
    private readonly WorkflowExecutor executor = new(ContinuousCalendar.Instance);

    private InstanceState Checked()
    {
        var state = ((Accepted)executor.Execute(procedure, null, new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Desk, Json.None, Actors.Desk), At)).State;
        var check = state.ActiveSteps.Single(s => s.Step.Value == "check").Instance;
        return ((Accepted)executor.Execute(procedure, state, new CompleteTask(check, "checked", Json.None, Specialist), At)).State;
    }

    private static int PoliceTask(InstanceState state) => state.ActiveSteps.Single(s => s.Step.Value == "police").Instance;

    [Fact]
    public void Opening_the_consultation_schedules_its_timeout_after_the_given_working_time()
    {
        var state = ((Accepted)executor.Execute(procedure, null, new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Desk, Json.None, Actors.Desk), At)).State;

        state.Sla.Timers.ShouldContain(t => t.StepInstance == PoliceTask(state) && t.Purpose == TimerPurpose.TaskTimeout && t.DueAt == At.AddHours(4));
    }

    [Fact]
    public void When_nobody_answers_in_time_the_consultation_closes_itself_and_the_join_continues()
    {
        var state = Checked();
        var police = PoliceTask(state);

        var decision = executor.Execute(procedure, state, new SlaTimerFired(police, TimerPurpose.TaskTimeout, 0, Actor.System(Actors.Commune)), At.AddHours(4));

        var accepted = decision.ShouldBeOfType<Accepted>();
        var timedOut = accepted.Events.Select(e => e.Event).OfType<TaskTimedOut>().ShouldHaveSingleItem();
        timedOut.Outcome.ShouldBe("no-answer");
        accepted.Events.Select(e => e.Event).OfType<StepCompleted>().ShouldContain(c => c.StepInstance == police && c.Outcome == "no-answer");
        accepted.Effects.OfType<CloseTask>().ShouldContain(c => c.Task.StepInstance == police && c.Outcome == "no-answer" && c.By == Actor.SystemUser);
        accepted.State.ActiveSteps.Select(s => s.Step.Value).ShouldBe(["draft"]);
    }

    [Fact]
    public void An_answer_before_the_timeout_drops_the_timer_and_a_late_delivery_changes_nothing()
    {
        var state = Checked();
        var police = PoliceTask(state);
        state = ((Accepted)executor.Execute(procedure, state, new CompleteTask(police, "answered", Json.None, Police), At.AddHours(1))).State;
        state.Sla.Timers.ShouldNotContain(t => t.Purpose == TimerPurpose.TaskTimeout);

        var late = executor.Execute(procedure, state, new SlaTimerFired(police, TimerPurpose.TaskTimeout, 0, Actor.System(Actors.Commune)), At.AddHours(4));

        late.ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.NotATimer);
    }

    [Fact]
    public void A_timeout_delivered_early_is_refused()
    {
        var state = Checked();

        var early = executor.Execute(procedure, state, new SlaTimerFired(PoliceTask(state), TimerPurpose.TaskTimeout, 0, Actor.System(Actors.Commune)), At.AddHours(3));

        early.ShouldBeOfType<Rejected>();
    }

    [Theory]
    [InlineData("""{ "outcome": "gone" }""", "unknown-outcome")]
    [InlineData("""{ "after": "2d" }""", "timeout-without-outcome")]
    [InlineData("""{ "after": "forever", "outcome": "no-answer" }""", "invalid-duration")]
    public void The_validator_explains_a_bad_timeout(string timeout, string code)
    {
        var json = Definition.Replace("""{ "after": "4h", "outcome": "no-answer" }""", timeout, StringComparison.Ordinal);
        var parsed = Workflows.Engine.Definitions.DefinitionJson.Parse(json);
        var problems = parsed.Definition is { } definition ? Workflows.Engine.Validation.DefinitionValidator.Validate(definition).Problems : parsed.Problems;

        problems.Select(p => p.Code).ShouldContain(code);
    }
}
