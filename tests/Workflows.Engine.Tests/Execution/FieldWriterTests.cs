using System.Text.Json;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Forms;
using Workflows.Engine.Tests.Support;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Tests.Execution;

/// <summary>Every form field says who may write it; a command writing a field it may not is refused and changes nothing.</summary>
public class FieldWriterTests
{
    [Theory]
    [InlineData("registerNumber", "1/2026/KS", "numbered from the unit's 'birth-registrations' register")]
    [InlineData("receiptNumber", "000001/2026/BN", "numbered from the unit's 'receipts' register")]
    [InlineData("appraisalNote", "Hợp lệ (tự ghi)", "filled in by an official at step 'appraise'")]
    [InlineData("receivedBy", "Trần Thị Bình", "filled in by an official at step 'return'")]
    public void The_applicant_cannot_submit_a_field_that_is_not_theirs(string key, string value, string reason)
    {
        var run = new BirthRegistrationRun();

        var decision = run.Execute(new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Online, BirthRegistrationRun.ApplicationWith(key, value), Actors.Citizen));

        var rejection = decision.ShouldBeOfType<Rejected>().Rejection;
        rejection.Code.ShouldBe(RejectionCodes.InvalidData);
        rejection.Message.ShouldContain($"Field '{key}'");
        rejection.Message.ShouldContain(reason);
    }

    [Fact]
    public void The_desk_cannot_type_a_receipt_number_and_the_register_gives_it()
    {
        var run = new BirthRegistrationRun();
        run.Submit();

        var typed = run.Execute(new CompleteTask(run.TaskAt("receive"), "accept", Json.Data(new { receiptNumber = "999/2026/BN" }), Actors.Desk));
        typed.ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("leave it out instead of typing a number");

        var accepted = run.Complete("receive", "accept", Actors.Desk);
        accepted.State.Data["receiptNumber"].GetString().ShouldBe("000001/2026/BN");
        accepted.Effects.OfType<ConsumeNumber>().ShouldHaveSingleItem().Number.ShouldBe(1);
    }

    [Fact]
    public void The_clerk_cannot_type_the_result_number()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        run.Complete("receive", "accept", Actors.Desk);
        run.Complete("appraise", "recommend", Actors.Specialist, new { appraisalNote = "Hồ sơ hợp lệ" });
        run.Sign("approve", "approve", Actors.Chair, BirthRegistrationRun.LeaderSignature(Actors.Chair));

        var typed = run.Execute(new CompleteTask(run.TaskAt("issue"), "issued", Json.Data(new { registerNumber = "999/2026/KS" }), Actors.Clerk)
        {
            Signature = BirthRegistrationRun.UnitSeal(Actors.Commune),
        });

        typed.ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("'birth-registrations' register");
    }

    [Fact]
    public void A_step_with_no_field_list_writes_nothing()
    {
        var run = new BirthRegistrationRun();
        run.Submit();
        run.Complete("receive", "accept", Actors.Desk);
        run.Complete("appraise", "recommend", Actors.Specialist, new { appraisalNote = "Hồ sơ hợp lệ" });

        var decision = run.Execute(new CompleteTask(run.TaskAt("approve"), "rework", Json.Data(new { childName = "Tên khác" }), Actors.Chair));

        decision.ShouldBeOfType<Rejected>().Rejection.Message.ShouldContain("which writes no form fields");
    }

    [Fact]
    public void An_unstated_writer_is_derived_from_the_steps()
    {
        var definition = DefinitionJson.Parse("""
            { "id": "derived", "name": "Derived",
              "roles": [ { "id": "desk-officer" } ],
              "form": { "fields": [ { "key": "name", "type": "text" }, { "key": "note", "type": "text" }, { "key": "receiptNumber", "type": "text" } ] },
              "steps": [ { "id": "start", "kind": "start" },
                { "id": "receive", "kind": "task", "role": "desk-officer", "outcomes": ["accept"], "fields": ["note"],
                  "numbering": { "register": "receipts", "field": "receiptNumber" } },
                { "id": "done", "kind": "end", "status": "returned" } ],
              "transitions": [ { "from": "start", "to": "receive" }, { "from": "receive", "to": "done", "outcome": "accept" } ] }
            """).Definition!;

        definition.Form.Find("name")!.WrittenBy.ShouldBe(FieldWriter.Applicant);
        definition.Form.Find("note")!.WrittenBy.ShouldBe(FieldWriter.Steps);
        definition.Form.Find("receiptNumber")!.WrittenBy.ShouldBe(FieldWriter.System);
        DefinitionJson.ToDocument(definition).Form!.Fields!.Select(f => f.WrittenBy).ShouldBe(["applicant", "steps", "system"]);
    }

    [Theory]
    [InlineData("""{ "key": "receiptNumber", "type": "text", "writtenBy": "applicant" }""", """["note"]""", "numbering-field-writer")]
    [InlineData("""{ "key": "receiptNumber", "type": "text" }""", """["note", "receiptNumber"]""", "system-field-in-step")]
    [InlineData("""{ "key": "receiptNumber", "type": "text", "writtenBy": "nobody" }""", """["note"]""", "unknown-field-writer")]
    public void A_definition_that_lets_a_person_write_a_register_number_is_invalid(string numberField, string stepFields, string code)
    {
        var json = $$"""
            { "id": "forged", "name": "Forged",
              "roles": [ { "id": "desk-officer" } ],
              "form": { "fields": [ { "key": "note", "type": "text" }, {{numberField}} ] },
              "steps": [ { "id": "start", "kind": "start" },
                { "id": "receive", "kind": "task", "role": "desk-officer", "outcomes": ["accept"], "fields": {{stepFields}},
                  "numbering": { "register": "receipts", "field": "receiptNumber" } },
                { "id": "done", "kind": "end", "status": "returned" } ],
              "transitions": [ { "from": "start", "to": "receive" }, { "from": "receive", "to": "done", "outcome": "accept" } ] }
            """;

        var parsed = DefinitionJson.Parse(json);
        var problems = parsed.Definition is { } definition ? DefinitionValidator.Validate(definition).Problems : parsed.Problems;

        problems.Select(p => p.Code).ShouldContain(code);
    }

    [Fact]
    public void A_field_required_at_submission_must_be_the_applicant_s()
    {
        var definition = DefinitionJson.Parse("""
            { "id": "required", "name": "Required",
              "roles": [ { "id": "desk-officer" } ],
              "form": { "fields": [ { "key": "note", "type": "text", "required": true } ] },
              "steps": [ { "id": "start", "kind": "start" },
                { "id": "receive", "kind": "task", "role": "desk-officer", "outcomes": ["accept"], "fields": ["note"] },
                { "id": "done", "kind": "end", "status": "returned" } ],
              "transitions": [ { "from": "start", "to": "receive" }, { "from": "receive", "to": "done", "outcome": "accept" } ] }
            """).Definition!;

        DefinitionValidator.Validate(definition).Problems.Select(p => p.Code).ShouldContain("required-field-not-applicant");
    }

    [Theory]
    [MemberData(nameof(SampleProcedureIds))]
    public void Every_sample_states_every_field_s_writer_and_numbers_only_system_fields(string procedure)
    {
        var raw = SampleProcedures.ReadJson(procedure);
        using var document = JsonDocument.Parse(raw);
        foreach (var field in document.RootElement.GetProperty("form").GetProperty("fields").EnumerateArray())
        {
            field.TryGetProperty("writtenBy", out _).ShouldBeTrue($"{procedure}: field {field.GetProperty("key")} does not say who writes it");
        }

        var definition = SampleProcedures.Load(procedure);
        foreach (var rule in definition.Steps.Select(s => s.Numbering).OfType<NumberingRule>())
        {
            definition.Form.Find(rule.Field)!.WrittenBy.ShouldBe(FieldWriter.System);
        }
    }

    public static TheoryData<string> SampleProcedureIds() =>
        [.. Directory.GetDirectories(SampleProcedures.Folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
}
