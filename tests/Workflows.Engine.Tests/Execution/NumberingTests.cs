using System.Collections.Immutable;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Tests.Support;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Tests.Execution;

public class NumberingTests
{
    private const string Definition = """
        { "id": "numbered", "name": "Numbered",
          "roles": [ { "id": "desk-officer", "name": "Desk" }, { "id": "clerk", "name": "Clerk" } ],
          "form": { "fields": [ { "key": "receiptNumber", "type": "text" }, { "key": "documentNumber", "type": "text" } ] },
          "steps": [
            { "id": "start", "kind": "start" },
            { "id": "receive", "kind": "task", "role": "desk-officer", "outcomes": ["accept", "refuse"],
              "numbering": { "register": "receipts", "field": "receiptNumber", "on": ["accept"], "format": "{seq:000}/{year}/TN" } },
            { "id": "issue", "kind": "task", "role": "clerk", "status": "result-ready", "outcomes": ["issued", "again"],
              "numbering": { "register": "documents", "field": "documentNumber" } },
            { "id": "done", "kind": "end", "status": "returned" }, { "id": "refused", "kind": "end", "status": "refused" }
          ],
          "transitions": [
            { "from": "start", "to": "receive" },
            { "from": "receive", "to": "issue", "outcome": "accept" }, { "from": "receive", "to": "refused", "outcome": "refuse" },
            { "from": "issue", "to": "done", "outcome": "issued" }, { "from": "issue", "to": "issue", "outcome": "again" }
          ] }
        """;

    private static readonly DateTimeOffset At = new(2026, 3, 2, 8, 0, 0, TimeSpan.FromHours(7));
    private static readonly Actor Clerk = new(new UserId("clerk-mai"), Actors.Commune, ["clerk"]);
    private static readonly RegisterKey Receipts = new(Actors.Commune, "receipts", 2026);

    private readonly ExecutableProcedure procedure = SampleProcedures.Executable(Definition);
    private readonly WorkflowExecutor executor = new(ContinuousCalendar.Instance);

    private InstanceState Submitted() =>
        ((Accepted)executor.Execute(procedure, null, new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Desk, Json.None, Actors.Desk), At)).State;

    [Fact]
    public void Receipt_takes_the_next_number_of_the_unit_s_register_for_the_year()
    {
        var state = Submitted();
        var registers = new RegisterSnapshot(ImmutableDictionary<RegisterKey, long>.Empty.Add(Receipts, 41));

        var accepted = (Accepted)executor.Execute(procedure, state, new CompleteTask(2, "accept", Json.None, Actors.Desk), At, registers);

        accepted.State.Data["receiptNumber"].GetString().ShouldBe("042/2026/TN");
        accepted.Effects.OfType<ConsumeNumber>().ShouldHaveSingleItem().ShouldBe(new ConsumeNumber(Receipts, 42, "042/2026/TN"));
        accepted.Events.Select(e => e.Event).OfType<NumberAssigned>().ShouldHaveSingleItem().Sequence.ShouldBe(42);
        WorkflowExecutor.RegisterKeysFor(procedure, state, At).ShouldBe([Receipts]);
    }

    [Fact]
    public void Only_the_listed_outcomes_take_a_number()
    {
        var accepted = (Accepted)executor.Execute(procedure, Submitted(), new CompleteTask(2, "refuse", Json.None, Actors.Desk), At);

        accepted.Effects.OfType<ConsumeNumber>().ShouldBeEmpty();
    }

    [Fact]
    public void A_step_done_again_keeps_its_first_number()
    {
        var state = ((Accepted)executor.Execute(procedure, Submitted(), new CompleteTask(2, "accept", Json.None, Actors.Desk), At)).State;
        state = ((Accepted)executor.Execute(procedure, state, new CompleteTask(3, "again", Json.None, Clerk), At)).State;
        state.Data["documentNumber"].GetString().ShouldBe("1/2026");

        var decision = executor.Execute(procedure, state, new CompleteTask(4, "issued", Json.None, Clerk), At);
        var again = decision as Accepted ?? throw new ShouldAssertException(((Rejected)decision).Rejection.ToString());

        again.Effects.OfType<ConsumeNumber>().ShouldBeEmpty();
        again.State.Data["documentNumber"].GetString().ShouldBe("1/2026");
    }

    [Theory]
    [InlineData("""{ "register": "Bad Name", "field": "receiptNumber" }""", "invalid-register")]
    [InlineData("""{ "register": "receipts", "field": "nope" }""", "unknown-field")]
    [InlineData("""{ "register": "receipts", "field": "receiptNumber", "on": ["maybe"] }""", "unknown-outcome")]
    [InlineData("""{ "register": "receipts", "field": "receiptNumber", "format": "TN/{year}" }""", "numbering-format")]
    public void A_bad_numbering_rule_is_reported(string rule, string code)
    {
        var json = Definition.Replace("""{ "register": "documents", "field": "documentNumber" }""", rule, StringComparison.Ordinal);

        DefinitionValidator.Validate(SampleProcedures.Parse(json)).Problems.ShouldContain(p => p.Code == code && p.Location.StartsWith("$.steps[2].numbering", StringComparison.Ordinal));
    }
}
