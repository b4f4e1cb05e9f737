using System.Collections.Immutable;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Tests.Support;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Tests.Execution;

public class AssignmentTests
{
    private const string Definition = """
        { "id": "assigned", "name": "Assigned",
          "roles": [ { "id": "desk-officer" }, { "id": "leader" }, { "id": "specialist" } ],
          "form": { "fields": [ { "key": "specialist", "type": "user" }, { "key": "note", "type": "text" } ] },
          "steps": [
            { "id": "start", "kind": "start" },
            { "id": "receive", "kind": "task", "role": "desk-officer", "outcomes": ["pick", "auto", "least"], "fields": ["note"] },
            { "id": "assign", "kind": "task", "role": "leader", "outcomes": ["assign"], "fields": ["specialist"], "requiredFields": ["specialist"] },
            { "id": "appraise", "kind": "task", "role": "specialist", "assignTo": "specialist", "outcomes": ["done"] },
            { "id": "split", "kind": "parallel-split" },
            { "id": "check-a", "kind": "task", "role": "specialist", "assignment": "round-robin", "outcomes": ["done"] },
            { "id": "check-b", "kind": "task", "role": "specialist", "assignment": "round-robin", "outcomes": ["done"] },
            { "id": "busy", "kind": "task", "role": "specialist", "assignment": "least-loaded", "outcomes": ["done"] },
            { "id": "done", "kind": "end", "status": "returned" }
          ],
          "transitions": [
            { "from": "start", "to": "receive" },
            { "from": "receive", "to": "assign", "outcome": "pick" }, { "from": "assign", "to": "appraise", "outcome": "assign" },
            { "from": "appraise", "to": "done", "outcome": "done" },
            { "from": "receive", "to": "split", "outcome": "auto" },
            { "from": "split", "to": "check-a" }, { "from": "split", "to": "check-b" },
            { "from": "check-a", "to": "done", "outcome": "done" }, { "from": "check-b", "to": "done", "outcome": "done" },
            { "from": "receive", "to": "busy", "outcome": "least" }, { "from": "busy", "to": "done", "outcome": "done" }
          ] }
        """;

    private static readonly DateTimeOffset At = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly Actor Leader = new(new UserId("chair-tuan"), Actors.Commune, ["leader"]);
    private static readonly AssignmentPool Specialists = new(Actors.Commune, "specialist");

    private readonly ExecutableProcedure procedure = SampleProcedures.Executable(Definition);
    private readonly WorkflowExecutor executor = new(ContinuousCalendar.Instance);

    private static AssignmentSnapshot Pool(long cursor, params (string User, int Open)[] people) =>
        new(ImmutableDictionary<AssignmentPool, AssignmentPoolState>.Empty.Add(
            Specialists,
            AssignmentSnapshot.Pool(people.Select(p => new AssignmentCandidate(new UserId(p.User), p.Open)), cursor)));

    private static readonly AssignmentSnapshot ThreeSpecialists = Pool(0, ("econ-duc", 0), ("civil-hoa", 0), ("an-specialist", 0));

    private InstanceState Submitted() =>
        ((Accepted)executor.Execute(procedure, null, new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Desk, Json.None, Actors.Desk), At)).State;

    private Accepted Accept(InstanceState state, WorkflowCommand command, AssignmentSnapshot? pools = null)
    {
        var decision = executor.Execute(procedure, state, command, At, assignments: pools ?? ThreeSpecialists);
        return decision as Accepted ?? throw new ShouldAssertException(((Rejected)decision).Rejection.ToString());
    }

    [Fact]
    public void The_leader_s_pick_opens_the_specialist_task_already_assigned_to_that_person()
    {
        var state = Accept(Submitted(), new CompleteTask(2, "pick", Json.None, Actors.Desk)).State;

        var accepted = Accept(state, new CompleteTask(3, "assign", Json.Data(new { specialist = "civil-hoa" }), Leader));

        accepted.State.FindActive(4)!.Assignee.ShouldBe(new UserId("civil-hoa"));
        accepted.Effects.OfType<AssignTask>().ShouldHaveSingleItem().ShouldBe(new AssignTask(new TaskId(BirthRegistrationRun.Id, 4), new UserId("civil-hoa")));
        var assigned = accepted.Events.Select(e => e.Event).OfType<TaskAssigned>().ShouldHaveSingleItem();
        assigned.Rule.ShouldBe("picked");
        assigned.Reason.ShouldContain("specialist");
    }

    [Fact]
    public void A_pick_of_someone_who_does_not_hold_the_role_in_the_unit_is_refused_and_changes_nothing()
    {
        var state = Accept(Submitted(), new CompleteTask(2, "pick", Json.None, Actors.Desk)).State;

        var decision = executor.Execute(procedure, state, new CompleteTask(3, "assign", Json.Data(new { specialist = "clerk-mai" }), Leader), At, assignments: ThreeSpecialists);

        var rejection = decision.ShouldBeOfType<Rejected>().Rejection;
        rejection.Code.ShouldBe(RejectionCodes.InvalidData);
        rejection.Message.ShouldContain("clerk-mai");
        rejection.Message.ShouldContain("an-specialist, civil-hoa, econ-duc");
    }

    [Theory]
    [InlineData("Nguyễn Văn A")]
    [InlineData("")]
    public void A_user_field_takes_only_a_user_id(string value)
    {
        var state = Accept(Submitted(), new CompleteTask(2, "pick", Json.None, Actors.Desk)).State;

        var decision = executor.Execute(procedure, state, new CompleteTask(3, "assign", Json.Data(new { specialist = value }), Leader), At, assignments: ThreeSpecialists);

        decision.ShouldBeOfType<Rejected>().Rejection.Code.ShouldBe(RejectionCodes.InvalidData);
    }

    [Fact]
    public void Round_robin_gives_the_next_turns_in_user_id_order_and_moves_the_cursor_once_per_command()
    {
        var accepted = Accept(Submitted(), new CompleteTask(2, "auto", Json.None, Actors.Desk), Pool(4, ("econ-duc", 0), ("civil-hoa", 0), ("an-specialist", 0)));

        // Turn 5 is position 5 % 3 = 2 (civil-hoa), turn 6 wraps to econ-duc: two tasks opened together are spread.
        accepted.Events.Select(e => e.Event).OfType<TaskAssigned>().Select(a => (a.Assignee.Value, a.Rule))
            .ShouldBe([("civil-hoa", "round-robin"), ("econ-duc", "round-robin")]);
        accepted.Effects.OfType<AdvanceAssignmentCursor>().ShouldHaveSingleItem().ShouldBe(new AdvanceAssignmentCursor(Specialists, 4, 6));
    }

    private const string ReworkDefinition = """
        { "id": "reworked", "name": "Reworked",
          "roles": [ { "id": "desk-officer" }, { "id": "leader" }, { "id": "specialist" } ],
          "steps": [
            { "id": "start", "kind": "start" },
            { "id": "receive", "kind": "task", "role": "desk-officer", "outcomes": ["accept"] },
            { "id": "appraise", "kind": "task", "role": "specialist", "assignment": "round-robin", "outcomes": ["recommend"] },
            { "id": "approve", "kind": "task", "role": "leader", "outcomes": ["approve", "rework"] },
            { "id": "done", "kind": "end", "status": "returned" }
          ],
          "transitions": [
            { "from": "start", "to": "receive" }, { "from": "receive", "to": "appraise", "outcome": "accept" },
            { "from": "appraise", "to": "approve", "outcome": "recommend" },
            { "from": "approve", "to": "done", "outcome": "approve" }, { "from": "approve", "to": "appraise", "outcome": "rework" }
          ] }
        """;

    /// <summary>Received, appraised by the round-robin's first pick, sent back by the leader; returns the rework's decision.</summary>
    private Accepted SentBackForRework(AssignmentSnapshot poolAtRework)
    {
        var rework = SampleProcedures.Executable(ReworkDefinition);
        var state = ((Accepted)executor.Execute(rework, null, new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Desk, Json.None, Actors.Desk), At)).State;
        state = ((Accepted)executor.Execute(rework, state, new CompleteTask(2, "accept", Json.None, Actors.Desk), At, assignments: ThreeSpecialists)).State;
        var appraiser = state.FindActive(3)!.Assignee!.Value;
        appraiser.ShouldBe(new UserId("an-specialist")); // turn 1 of the pool, in user-id order
        state = ((Accepted)executor.Execute(rework, state, new CompleteTask(3, "recommend", Json.None, new Actor(appraiser, Actors.Commune, ["specialist"])), At, assignments: ThreeSpecialists)).State;
        var decision = executor.Execute(rework, state, new CompleteTask(4, "rework", Json.None, Leader), At, assignments: poolAtRework);
        return decision as Accepted ?? throw new ShouldAssertException(((Rejected)decision).Rejection.ToString());
    }

    [Fact]
    public void Rework_goes_back_to_the_specialist_who_appraised_it_without_taking_a_round_robin_turn()
    {
        var accepted = SentBackForRework(Pool(1, ("econ-duc", 0), ("civil-hoa", 0), ("an-specialist", 0)));

        var assigned = accepted.Events.Select(e => e.Event).OfType<TaskAssigned>().ShouldHaveSingleItem();
        (assigned.Assignee.Value, assigned.Rule).ShouldBe(("an-specialist", "returned"));
        assigned.Reason.ShouldContain("appraise");
        accepted.Effects.OfType<AdvanceAssignmentCursor>().ShouldBeEmpty();
    }

    [Fact]
    public void Rework_follows_the_pool_s_rule_when_the_earlier_specialist_no_longer_holds_the_role_there()
    {
        var accepted = SentBackForRework(Pool(1, ("econ-duc", 0), ("civil-hoa", 0)));

        var assigned = accepted.Events.Select(e => e.Event).OfType<TaskAssigned>().ShouldHaveSingleItem();
        (assigned.Assignee.Value, assigned.Rule).ShouldBe(("econ-duc", "round-robin")); // turn 2 of the two left
        accepted.Effects.OfType<AdvanceAssignmentCursor>().ShouldHaveSingleItem();
    }

    [Fact]
    public void Least_loaded_gives_the_task_to_the_holder_with_fewest_open_tasks()
    {
        var accepted = Accept(Submitted(), new CompleteTask(2, "least", Json.None, Actors.Desk), Pool(0, ("an-specialist", 3), ("civil-hoa", 1), ("econ-duc", 1)));

        var assigned = accepted.Events.Select(e => e.Event).OfType<TaskAssigned>().ShouldHaveSingleItem();
        assigned.Assignee.ShouldBe(new UserId("civil-hoa")); // ties go in user-id order
        assigned.Reason.ShouldContain("an-specialist: 3");
        accepted.Effects.OfType<AdvanceAssignmentCursor>().ShouldBeEmpty();
    }

    [Fact]
    public void With_nobody_in_the_pool_the_task_waits_in_the_role_s_inbox()
    {
        var accepted = Accept(Submitted(), new CompleteTask(2, "auto", Json.None, Actors.Desk), AssignmentSnapshot.Empty);

        accepted.State.ActiveSteps.ShouldAllBe(s => s.Assignee == null);
        accepted.Events.Select(e => e.Event).OfType<TaskAssigned>().ShouldBeEmpty();
    }

    [Fact]
    public void Only_the_assignee_may_complete_an_assigned_task()
    {
        var state = Accept(Submitted(), new CompleteTask(2, "least", Json.None, Actors.Desk)).State;
        var other = new Actor(new UserId("econ-duc"), Actors.Commune, ["specialist"]);

        var decision = executor.Execute(procedure, state, new CompleteTask(3, "done", Json.None, other), At);

        decision.ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("an-specialist");
    }

    [Fact]
    public void The_runtime_loads_the_pools_of_every_step_that_assigns_on_open()
    {
        WorkflowExecutor.AssignmentPoolsFor(procedure, Actors.Commune).ShouldBe([Specialists]);
    }

    [Theory]
    [InlineData("""{ "id": "x", "kind": "task", "role": "specialist", "assignment": "by-seniority", "outcomes": ["done"] }""", "unknown-assignment-rule")]
    [InlineData("""{ "id": "x", "kind": "task", "role": "specialist", "assignTo": "note", "outcomes": ["done"] }""", "assign-to-field-type")]
    [InlineData("""{ "id": "x", "kind": "task", "role": "specialist", "assignTo": "nobody", "outcomes": ["done"] }""", "unknown-field")]
    [InlineData("""{ "id": "x", "kind": "task", "role": "specialist", "assignTo": "specialist", "assignment": "round-robin", "outcomes": ["done"] }""", "assignment-conflict")]
    [InlineData("""{ "id": "x", "kind": "task", "role": "applicant", "assignment": "round-robin", "outcomes": ["done"] }""", "assignment-not-allowed")]
    public void The_validator_explains_a_bad_assignment(string step, string code)
    {
        var json = $$"""
            { "id": "bad", "name": "Bad", "roles": [ { "id": "specialist" } ],
              "form": { "fields": [ { "key": "specialist", "type": "user" }, { "key": "note", "type": "text" } ] },
              "steps": [ { "id": "start", "kind": "start" }, {{step}}, { "id": "done", "kind": "end", "status": "returned" } ],
              "transitions": [ { "from": "start", "to": "x" }, { "from": "x", "to": "done", "outcome": "done" } ] }
            """;
        var parsed = DefinitionJson.Parse(json);
        var problems = parsed.Definition is { } definition ? DefinitionValidator.Validate(definition).Problems : parsed.Problems;

        problems.Select(p => p.Code).ShouldContain(code);
    }

    [Fact]
    public void Assignment_properties_survive_a_round_trip_through_the_file_format()
    {
        var definition = SampleProcedures.Parse(Definition);

        var again = SampleProcedures.Parse(DefinitionJson.Serialize(definition));

        again.Steps.Single(s => s.Id.Value == "appraise").AssignTo.ShouldBe("specialist");
        again.Steps.Single(s => s.Id.Value == "busy").Assignment.ShouldBe(AssignmentRule.LeastLoaded);
    }
}
