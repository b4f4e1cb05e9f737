using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Sla;
using Workflows.Engine.Validation;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Sla;

public class SlaDefinitionTests
{
    [Fact]
    public void The_escalation_ladder_and_thresholds_are_read_and_written_back_unchanged()
    {
        var json = SlaRun.Definition.Replace("\"escalation\"", "\"sla\": { \"stepDueSoon\": \"4h\", \"dossierDueSoon\": \"2d\" },\n \"escalation\"", StringComparison.Ordinal);
        var definition = SampleProcedures.Parse(json);

        definition.Sla.StepDueSoon.ShouldBe(WorkingDuration.WorkingHours(4));
        definition.Sla.DossierDueSoon.ShouldBe(WorkingDuration.WorkingDays(2));
        definition.Sla.Escalation.Select(r => (r.After.ToString(), r.Action)).ShouldBe(
        [
            ("-1d", EscalationAction.NotifyAssignee),
            ("0h", EscalationAction.NotifyUnitLeader),
            ("4h", EscalationAction.Reassign),
            ("1d", EscalationAction.RaisePriority),
            ("1d", EscalationAction.DraftApology),
        ]);
        SampleProcedures.Parse(DefinitionJson.Serialize(definition)).Sla.ShouldBe(definition.Sla);
        DefinitionValidator.Validate(definition).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_definition_without_sla_parts_keeps_the_defaults_and_writes_none()
    {
        var definition = SampleProcedures.Load("birth-registration");

        definition.Sla.ShouldBe(SlaPolicy.Default);
        DefinitionJson.Serialize(definition).ShouldNotContain("escalation");
    }

    [Theory]
    [InlineData("\"after\": \"soon\", \"action\": \"reassign\"", "invalid-offset", "$.escalation[0].after")]
    [InlineData("\"after\": \"same-day\", \"action\": \"reassign\"", "invalid-offset", "$.escalation[0].after")]
    [InlineData("\"action\": \"reassign\"", "invalid-offset", "$.escalation[0].after")]
    [InlineData("\"after\": \"1d\", \"action\": \"fire-everyone\"", "unknown-escalation-action", "$.escalation[0].action")]
    public void Bad_rungs_are_located(string rung, string code, string location)
    {
        var json = SlaRun.Definition.Replace("{ \"after\": \"-1d\", \"action\": \"notify-assignee\" }", "{ " + rung + " }", StringComparison.Ordinal);

        DefinitionJson.Parse(json).Problems.ShouldContain(p => p.Code == code && p.Location == location);
    }

    [Fact]
    public void Rungs_out_of_order_unknown_roles_and_two_apologies_are_errors()
    {
        var json = SlaRun.Definition
            .Replace("{ \"after\": \"-1d\", \"action\": \"notify-assignee\" }", "{ \"after\": \"2d\", \"action\": \"notify-assignee\" }", StringComparison.Ordinal)
            .Replace("\"action\": \"reassign\" }", "\"action\": \"reassign\", \"role\": \"mayor\" }", StringComparison.Ordinal)
            .Replace("\"action\": \"raise-priority\"", "\"action\": \"draft-apology\"", StringComparison.Ordinal);

        var problems = DefinitionValidator.Validate(SampleProcedures.Parse(json)).Problems;

        problems.ShouldContain(p => p.Code == "escalation-out-of-order" && p.Location == "$.escalation[1].after");
        problems.ShouldContain(p => p.Code == "unknown-role" && p.Location == "$.escalation[2].role");
        problems.ShouldContain(p => p.Code == "duplicate-apology");
    }

    [Fact]
    public void A_ladder_that_notifies_the_leader_needs_the_leader_role()
    {
        var json = SlaRun.Definition.Replace(", { \"id\": \"leader\" }", "", StringComparison.Ordinal);

        DefinitionValidator.Validate(SampleProcedures.Parse(json)).Problems.ShouldContain(p => p.Code == "unknown-role" && p.Location == "$.sla.leaderRole");
    }

    [Theory]
    [InlineData("-1d", true, "1d")]
    [InlineData("+4h", false, "4h")]
    [InlineData("0h", false, "0h")]
    [InlineData("-0h", false, "0h")]
    public void Offsets_are_signed_working_durations(string text, bool before, string magnitude)
    {
        WorkingOffset.TryParse(text, out var offset, out _).ShouldBeTrue();
        offset.IsBefore.ShouldBe(before);
        offset.Magnitude.ToString().ShouldBe(magnitude);
    }
}
