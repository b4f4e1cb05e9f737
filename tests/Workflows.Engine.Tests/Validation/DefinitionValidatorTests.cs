using Workflows.Engine.Tests.Support;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Tests.Validation;

public class DefinitionValidatorTests
{
    private const string Roles = """ "roles": [ { "id": "officer", "name": "Officer" } ] """;

    private static ValidationReport Validate(string steps, string transitions, string extra = "") =>
        DefinitionValidator.Validate(SampleProcedures.Parse($$"""{ "id": "p", "name": "P", {{Roles}}, {{extra}} "steps": [ {{steps}} ], "transitions": [ {{transitions}} ] }"""));

    private static ValidationProblem Single(ValidationReport report, string code)
    {
        report.IsValid.ShouldBeFalse();
        return report.Problems.Where(p => p.Code == code).ShouldHaveSingleItem();
    }

    [Fact]
    public void The_sample_procedure_is_valid()
    {
        DefinitionValidator.Validate(SampleProcedures.Load("birth-registration")).Problems.ShouldBeEmpty();
    }

    [Fact]
    public void A_step_nothing_leads_to_is_unreachable()
    {
        var report = Validate(
            """{ "id": "s", "kind": "start" }, { "id": "e", "kind": "end" }, { "id": "orphan", "kind": "task", "role": "officer", "outcomes": ["ok"] }""",
            """{ "from": "s", "to": "e" }, { "from": "orphan", "to": "e", "outcome": "ok" }""");

        var problem = Single(report, "unreachable-step");
        problem.Step.ShouldBe("orphan");
        problem.Location.ShouldBe("$.steps[2]");
    }

    [Fact]
    public void A_loop_with_no_way_out_is_reported_as_such()
    {
        var report = Validate(
            """
            { "id": "s", "kind": "start" }, { "id": "e", "kind": "end" },
            { "id": "a", "kind": "task", "role": "officer", "outcomes": ["next", "finish", "done"] },
            { "id": "b", "kind": "task", "role": "officer", "outcomes": ["back"] },
            { "id": "c", "kind": "task", "role": "officer", "outcomes": ["again"] },
            { "id": "d", "kind": "task", "role": "officer", "outcomes": ["again"] }
            """,
            """
            { "from": "s", "to": "a" }, { "from": "a", "to": "b", "outcome": "next" }, { "from": "b", "to": "a", "outcome": "back" }, { "from": "a", "to": "e", "outcome": "done" },
            { "from": "a", "to": "c", "outcome": "finish" }, { "from": "c", "to": "d", "outcome": "again" }, { "from": "d", "to": "c", "outcome": "again" }
            """);

        report.Problems.Where(p => p.Code == "cycle-without-exit").Select(p => p.Step).ShouldBe(["c", "d"]);
        report.Problems.ShouldNotContain(p => p.Step == "a" || p.Step == "b");
    }

    [Fact]
    public void A_dead_end_step_has_no_path_to_an_end()
    {
        var report = Validate(
            """{ "id": "s", "kind": "start" }, { "id": "e", "kind": "end" }, { "id": "g", "kind": "gateway" }, { "id": "t", "kind": "timer", "wait": "1d" }, { "id": "stuck", "kind": "automatic", "set": { "x": "1" } }""",
            """{ "from": "s", "to": "g" }, { "from": "g", "to": "e", "default": true }, { "from": "g", "to": "t", "condition": "x > 1" }, { "from": "t", "to": "stuck" }""",
            """ "form": { "fields": [ { "key": "x", "type": "number" } ] }, """);

        Single(report, "needs-one-exit").Step.ShouldBe("stuck");
        report.Problems.Where(p => p.Code == "no-path-to-end").Select(p => p.Step).ShouldBe(["t", "stuck"]);
    }

    [Fact]
    public void A_gateway_needs_a_default_branch()
    {
        var report = Validate(
            """{ "id": "s", "kind": "start" }, { "id": "g", "kind": "gateway" }, { "id": "e", "kind": "end" }, { "id": "f", "kind": "end" }""",
            """{ "from": "s", "to": "g" }, { "from": "g", "to": "e", "condition": "fee > 0" }, { "from": "g", "to": "f", "condition": "fee == 0" }""",
            """ "form": { "fields": [ { "key": "fee", "type": "number" } ] }, """);

        Single(report, "gateway-without-default").Message.ShouldContain("\"default\": true");
    }

    [Fact]
    public void An_outcome_without_a_transition_is_reported_on_its_step()
    {
        var report = Validate(
            """{ "id": "s", "kind": "start" }, { "id": "a", "kind": "task", "role": "officer", "outcomes": ["accept", "refuse"] }, { "id": "e", "kind": "end" }""",
            """{ "from": "s", "to": "a" }, { "from": "a", "to": "e", "outcome": "accept" }""");

        var problem = Single(report, "outcome-without-transition");
        problem.Message.ShouldContain("'refuse'");
        problem.Location.ShouldBe("$.steps[1].outcomes");
    }

    [Fact]
    public void A_transition_naming_an_outcome_the_step_does_not_offer_is_reported()
    {
        var report = Validate(
            """{ "id": "s", "kind": "start" }, { "id": "a", "kind": "task", "role": "officer", "outcomes": ["accept"] }, { "id": "e", "kind": "end" }""",
            """{ "from": "s", "to": "a" }, { "from": "a", "to": "e", "outcome": "accept" }, { "from": "a", "to": "e", "outcome": "acept" }""");

        Single(report, "unknown-outcome").Location.ShouldBe("$.transitions[2].outcome");
    }

    [Fact]
    public void A_role_the_procedure_does_not_declare_is_unknown()
    {
        var report = Validate(
            """{ "id": "s", "kind": "start" }, { "id": "a", "kind": "task", "role": "leader", "outcomes": ["ok"] }, { "id": "e", "kind": "end" }""",
            """{ "from": "s", "to": "a" }, { "from": "a", "to": "e", "outcome": "ok" }""");

        var problem = Single(report, "unknown-role");
        problem.Message.ShouldContain("'leader'");
        problem.Message.ShouldContain("officer");
    }

    [Fact]
    public void Step_budgets_longer_than_the_deadline_name_the_route_that_overruns()
    {
        var report = Validate(
            """
            { "id": "s", "kind": "start" },
            { "id": "a", "kind": "task", "role": "officer", "outcomes": ["ok", "long"], "budget": "1d" },
            { "id": "b", "kind": "task", "role": "officer", "outcomes": ["ok", "back"], "budget": "2.5d" },
            { "id": "e", "kind": "end" }
            """,
            """{ "from": "s", "to": "a" }, { "from": "a", "to": "e", "outcome": "ok" }, { "from": "a", "to": "b", "outcome": "long" }, { "from": "b", "to": "e", "outcome": "ok" }, { "from": "b", "to": "a", "outcome": "back" }""",
            """ "deadline": "3d", """);

        var problem = Single(report, "budget-exceeds-deadline");
        problem.Message.ShouldContain("s → a → b → e");
        problem.Message.ShouldContain("3.5 working days");
    }

    [Fact]
    public void Budgets_that_fit_the_deadline_exactly_are_accepted()
    {
        var report = Validate(
            """{ "id": "s", "kind": "start" }, { "id": "a", "kind": "task", "role": "officer", "outcomes": ["ok"], "budget": "0.5d" }, { "id": "b", "kind": "task", "role": "officer", "outcomes": ["ok"], "budget": "4h" }, { "id": "e", "kind": "end" }""",
            """{ "from": "s", "to": "a" }, { "from": "a", "to": "b", "outcome": "ok" }, { "from": "b", "to": "e", "outcome": "ok" }""",
            """ "deadline": "1d", """);

        report.Problems.ShouldBeEmpty();
    }

    [Fact]
    public void Duplicate_step_ids_are_reported_and_graph_checks_wait_until_they_are_fixed()
    {
        var report = Validate(
            """{ "id": "s", "kind": "start" }, { "id": "e", "kind": "end" }, { "id": "e", "kind": "end" }""",
            """{ "from": "s", "to": "e" }""");

        Single(report, "duplicate-step-id").Location.ShouldBe("$.steps[2].id");
        report.Problems.ShouldNotContain(p => p.Code == "unreachable-step");
    }

    [Fact]
    public void A_transition_to_a_step_that_does_not_exist_is_reported()
    {
        var report = Validate("""{ "id": "s", "kind": "start" }, { "id": "e", "kind": "end" }""", """{ "from": "s", "to": "nowhere" }""");

        Single(report, "unknown-step").Location.ShouldBe("$.transitions[0].to");
    }

    [Fact]
    public void There_must_be_exactly_one_start_and_at_least_one_end()
    {
        var report = Validate("""{ "id": "a", "kind": "start" }, { "id": "b", "kind": "start" }""", "");

        report.Problems.Select(p => p.Code).ShouldContain("start-count");
        report.Problems.Select(p => p.Code).ShouldContain("no-end");
    }

    [Fact]
    public void A_parallel_join_needs_two_incoming_branches_and_a_split_two_outgoing()
    {
        var report = Validate(
            """{ "id": "s", "kind": "start" }, { "id": "split", "kind": "parallel-split" }, { "id": "join", "kind": "parallel-join" }, { "id": "e", "kind": "end" }""",
            """{ "from": "s", "to": "split" }, { "from": "split", "to": "join" }, { "from": "join", "to": "e" }""");

        Single(report, "split-needs-branches").Step.ShouldBe("split");
        Single(report, "join-needs-branches").Step.ShouldBe("join");
    }

    [Fact]
    public void Conditions_may_only_use_fields_on_the_form()
    {
        var report = Validate(
            """{ "id": "s", "kind": "start" }, { "id": "g", "kind": "gateway" }, { "id": "e", "kind": "end" }""",
            """{ "from": "s", "to": "g" }, { "from": "g", "to": "e", "condition": "feee > 0" }, { "from": "g", "to": "e", "default": true }""",
            """ "form": { "fields": [ { "key": "fee", "type": "number" } ] }, """);

        Single(report, "unknown-field").Location.ShouldBe("$.transitions[1].condition");
    }

    [Fact]
    public void An_end_step_must_leave_the_dossier_in_a_final_status()
    {
        var report = Validate("""{ "id": "s", "kind": "start" }, { "id": "e", "kind": "end", "status": "in-process" }""", """{ "from": "s", "to": "e" }""");

        Single(report, "end-status-not-final");
    }

    [Theory]
    [InlineData("""{ "key": "alias", "type": "text", "autoFill": { "source": "population-registry", "fills": { "born": "birth-date" } } }""", "autofill-needs-national-id", "$.form.fields[0].autoFill")]
    [InlineData("""{ "key": "id", "type": "national-id", "autoFill": { "source": "population-registry", "fills": { "nobody": "full-name" } } }""", "unknown-field", "$.form.fields[0].autoFill.fills.nobody")]
    [InlineData("""{ "key": "id", "type": "national-id", "autoFill": { "source": "population-registry", "fills": { "id": "full-name" } } }""", "autofill-self", "$.form.fields[0].autoFill.fills.id")]
    [InlineData("""{ "key": "id", "type": "national-id", "autoFill": { "source": "population-registry", "fills": { "name": "birth-date" } } }""", "autofill-type-mismatch", "$.form.fields[0].autoFill.fills.name")]
    public void A_registry_auto_fill_must_write_existing_fields_of_a_fitting_type(string field, string code, string location)
    {
        var report = Validate(
            """{ "id": "s", "kind": "start" }, { "id": "e", "kind": "end" }""",
            """{ "from": "s", "to": "e" }""",
            $$""" "form": { "fields": [ {{field}}, { "key": "name", "type": "text" }, { "key": "born", "type": "date" } ] }, """);

        var problem = Single(report, code);
        problem.Location.ShouldBe(location);
        problem.Message.ShouldContain("fill");
    }

    [Fact]
    public void Two_national_id_fields_cannot_fill_the_same_field()
    {
        var report = Validate(
            """{ "id": "s", "kind": "start" }, { "id": "e", "kind": "end" }""",
            """{ "from": "s", "to": "e" }""",
            """ "form": { "fields": [ { "key": "a", "type": "national-id", "autoFill": { "source": "population-registry", "fills": { "name": "full-name" } } }, { "key": "b", "type": "national-id", "autoFill": { "source": "population-registry", "fills": { "name": "full-name" } } }, { "key": "name", "type": "text" } ] }, """);

        Single(report, "autofill-conflict").Message.ShouldContain("'a' and 'b'");
    }
}
