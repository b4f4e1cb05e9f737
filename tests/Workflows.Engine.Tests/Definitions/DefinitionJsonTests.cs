using Workflows.Engine.Forms;
using Workflows.Engine.Definitions;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Definitions;

public class DefinitionJsonTests
{
    [Fact]
    public void The_birth_registration_sample_reads_into_the_model()
    {
        var definition = SampleProcedures.Load("birth-registration");

        definition.Id.Value.ShouldBe("birth-registration");
        definition.Name.ShouldBe("Đăng ký khai sinh");
        definition.Deadline.ToString().ShouldBe("same-day@15:00");
        definition.Steps.Single(s => s.Id.Value == "approve").Kind.ShouldBe(StepKind.Signature);
        definition.Form.Find("childSex")!.Options.ShouldBe(["nam", "nữ"]);
    }

    [Fact]
    public void Writing_then_reading_a_definition_gives_the_same_definition()
    {
        var original = SampleProcedures.Load("birth-registration");

        var again = SampleProcedures.Parse(DefinitionJson.Serialize(original));

        DefinitionJson.Serialize(again).ShouldBe(DefinitionJson.Serialize(original));
        again.Steps.Length.ShouldBe(original.Steps.Length);
        again.Transitions.ShouldBe(original.Transitions);
    }

    [Fact]
    public void Malformed_json_is_reported_with_its_line()
    {
        var result = DefinitionJson.Parse("{ \"id\": \"x\",\n  \"steps\": [ { \"id\": } ] }");

        result.Definition.ShouldBeNull();
        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("malformed-json");
        problem.Message.ShouldContain("line 2");
    }

    [Fact]
    public void An_unknown_step_kind_is_located_and_lists_the_kinds_that_exist()
    {
        var result = DefinitionJson.Parse("""{ "id": "p", "name": "P", "steps": [ { "id": "a", "kind": "start" }, { "id": "b", "kind": "teleport" } ] }""");

        var problem = result.Problems.ShouldHaveSingleItem();
        problem.Code.ShouldBe("unknown-step-kind");
        problem.Location.ShouldBe("$.steps[1].kind");
        problem.Message.ShouldContain("teleport");
        problem.Message.ShouldContain("parallel-split");
    }

    [Fact]
    public void An_unknown_property_is_rejected_rather_than_silently_ignored()
    {
        var result = DefinitionJson.Parse("""{ "id": "p", "name": "P", "stepz": [] }""");

        result.Problems.ShouldHaveSingleItem().Message.ShouldContain("stepz");
    }

    [Theory]
    [InlineData("""{ "id": "Bad Id", "name": "P" }""", "$.id", "invalid-id")]
    [InlineData("""{ "id": "p", "name": "P", "deadline": "-3d" }""", "$.deadline", "invalid-duration")]
    [InlineData("""{ "id": "p", "name": "P", "steps": [ { "id": "a", "kind": "task", "budget": "soon" } ] }""", "$.steps[0].budget", "invalid-duration")]
    [InlineData("""{ "id": "p", "name": "P", "steps": [ { "id": "a", "kind": "end", "status": "finished" } ] }""", "$.steps[0].status", "unknown-status")]
    [InlineData("""{ "id": "p", "name": "P", "form": { "fields": [ { "key": "x", "type": "colour" } ] } }""", "$.form.fields[0].type", "unknown-field-type")]
    [InlineData("""{ "id": "p", "name": "", "steps": [] }""", "$.name", "missing-name")]
    [InlineData("""{ "id": "p", "name": "P", "steps": [ { "id": "a", "kind": "task", "fee": { "amount": -5 } } ] }""", "$.steps[0].fee.amount", "invalid-fee")]
    [InlineData("""{ "id": "p", "name": "P", "steps": [ { "id": "a", "kind": "task", "fee": { "amount": 2000.5 } } ] }""", "$.steps[0].fee.amount", "invalid-fee")]
    [InlineData("""{ "id": "p", "name": "P", "steps": [ { "id": "a", "kind": "task", "fee": { "amount": 2000, "currency": "USD" } } ] }""", "$.steps[0].fee.currency", "invalid-fee")]
    [InlineData("""{ "id": "p", "name": "P", "steps": [ { "id": "a", "kind": "issue", "template": { "id": "Giấy phép" } } ] }""", "$.steps[0].template.id", "invalid-template")]
    [InlineData("""{ "id": "p", "name": "P", "form": { "fields": [ { "key": "x", "type": "national-id", "autoFill": { "source": "tax-office", "fills": { "y": "full-name" } } } ] } }""", "$.form.fields[0].autoFill.source", "unknown-autofill-source")]
    [InlineData("""{ "id": "p", "name": "P", "form": { "fields": [ { "key": "x", "type": "national-id", "autoFill": { "source": "population-registry", "fills": { "y": "blood-type" } } } ] } }""", "$.form.fields[0].autoFill.fills.y", "unknown-registry-attribute")]
    [InlineData("""{ "id": "p", "name": "P", "form": { "fields": [ { "key": "x", "type": "national-id", "autoFill": { "source": "population-registry", "fills": { } } } ] } }""", "$.form.fields[0].autoFill.fills", "empty-autofill")]
    public void Bad_values_are_reported_where_they_are(string json, string location, string code)
    {
        var problem = DefinitionJson.Parse(json).Problems.ShouldHaveSingleItem();

        problem.Location.ShouldBe(location);
        problem.Code.ShouldBe(code);
    }

    [Fact]
    public void A_national_id_field_keeps_which_fields_the_population_registry_fills()
    {
        var original = SampleProcedures.Load("marriage-registration");

        var fill = original.Form.Find("husbandId")!.AutoFill.ShouldNotBeNull();
        fill.Source.ShouldBe(AutoFillSource.PopulationRegistry);
        fill.Fills["husbandBirthDate"].ShouldBe(RegistryDatum.BirthDate);
        var written = DefinitionJson.Serialize(original);
        written.ShouldContain("\"population-registry\"");
        written.ShouldContain("\"permanent-address\"");
        SampleProcedures.Parse(written).Form.Find("wifeId")!.AutoFill.ShouldBe(original.Form.Find("wifeId")!.AutoFill, new AutoFillComparer());
    }

    private sealed class AutoFillComparer : IEqualityComparer<RegistryAutoFill?>
    {
        public bool Equals(RegistryAutoFill? x, RegistryAutoFill? y) =>
            x is not null && y is not null && x.Source == y.Source && x.Fills.SequenceEqual(y.Fills);

        public int GetHashCode(RegistryAutoFill? obj) => obj?.Fills.Count ?? 0;
    }

    [Fact]
    public void A_definition_with_too_many_steps_is_refused_before_anything_else()
    {
        var steps = string.Join(",", Enumerable.Range(0, DefinitionJson.MaxSteps + 1).Select(i => $$"""{ "id": "s{{i}}", "kind": "task" }"""));

        var result = DefinitionJson.Parse($$"""{ "id": "p", "name": "P", "steps": [{{steps}}] }""");

        result.Problems.ShouldHaveSingleItem().Code.ShouldBe("too-large");
    }

    [Fact]
    public void A_step_s_fee_and_result_template_survive_writing_and_reading()
    {
        var result = DefinitionJson.Parse("""
            { "id": "p", "name": "P", "steps": [
              { "id": "pay", "kind": "task", "fee": { "amount": 200000, "currency": "VND", "note": "Thông tư 244/2016/TT-BTC" } },
              { "id": "issue", "kind": "issue", "template": { "id": "phieu-ly-lich-tu-phap", "name": "Phiếu LLTP số 1" } } ] }
            """);
        result.Problems.ShouldBeEmpty();

        var again = DefinitionJson.Parse(DefinitionJson.Serialize(result.Definition!)).Definition!;

        again.Steps[0].Fee.ShouldBe(new StepFee(200000) { Note = "Thông tư 244/2016/TT-BTC" });
        again.Steps[1].Template.ShouldBe(new ResultTemplate("phieu-ly-lich-tu-phap") { Name = "Phiếu LLTP số 1" });
        DefinitionJson.Serialize(again).ShouldContain("\"currency\": \"VND\"");
    }
}
