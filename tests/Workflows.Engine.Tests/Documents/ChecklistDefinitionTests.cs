using Workflows.Engine.Definitions;
using Workflows.Engine.Documents;
using Workflows.Engine.Tests.Support;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Tests.Documents;

public class ChecklistDefinitionTests
{
    private static string WithDocuments(string documents, string receiveExtra = "\"requireDocuments\": [\"accept\"],") => $$"""
        {
          "id": "checklist-test", "name": "Checklist",
          "roles": [ { "id": "desk-officer" } ],
          "documents": [ {{documents}} ],
          "steps": [
            { "id": "submit", "kind": "start" },
            { "id": "receive", "kind": "task", "role": "desk-officer", {{receiveExtra}} "outcomes": ["accept"] },
            { "id": "done", "kind": "end", "status": "returned" }
          ],
          "transitions": [ { "from": "submit", "to": "receive" }, { "from": "receive", "to": "done", "outcome": "accept" } ]
        }
        """;

    [Fact]
    public void Every_sample_procedure_has_a_checklist_its_desk_enforces_and_a_supplement_window()
    {
        foreach (var id in new[] { "birth-registration", "marriage-registration", "certified-copy", "criminal-record-certificate", "household-business-registration", "construction-permit-house", "land-use-certificate-first" })
        {
            var definition = SampleProcedures.Load(id);
            definition.Documents.Count(d => d.Required).ShouldBeGreaterThanOrEqualTo(2, id);
            definition.Steps.Single(s => s.Id.Value == "receive").RequireDocumentsOn.ShouldBe(["accept"], id);
            definition.Policies.SupplementWindow.ShouldNotBeNull(id);
        }
    }

    [Fact]
    public void A_checklist_reads_with_defaults_and_writes_back_the_same()
    {
        var definition = SampleProcedures.Parse(WithDocuments("""{ "key": "application-form", "name": "Tờ khai", "required": true }, { "key": "drawings", "name": "Bản vẽ", "acceptedTypes": ["application/pdf", "image/tiff"], "maxBytes": 20971520 }"""));

        definition.Documents.Select(d => (d.Key, d.Required, d.MaxBytes)).ShouldBe([("application-form", true, DocumentLimits.DefaultMaxBytes), ("drawings", false, 20971520L)]);
        definition.Documents[0].AcceptedTypes.ShouldBe([MediaTypes.Pdf, MediaTypes.Jpeg, MediaTypes.Png]);
        definition.Documents[1].AcceptedTypes.ShouldBe([MediaTypes.Pdf, MediaTypes.Tiff]);
        var json = DefinitionJson.Serialize(definition);
        json.ShouldContain("\"requireDocuments\"");
        DefinitionJson.Serialize(SampleProcedures.Parse(json)).ShouldBe(json);
    }

    [Theory]
    [InlineData("""{ "key": "a", "name": "A" }, { "key": "a", "name": "A again" }""", "duplicate-document-key", "$.documents[1].key")]
    [InlineData("""{ "key": "Giấy tờ", "name": "A" }""", "invalid-document-key", "$.documents[0].key")]
    [InlineData("""{ "key": "other", "name": "A" }""", "invalid-document-key", "$.documents[0].key")]
    [InlineData("""{ "key": "a" }""", "missing-document-name", "$.documents[0].name")]
    [InlineData("""{ "key": "a", "name": "A", "acceptedTypes": ["application/pdf", "text/html"] }""", "unknown-media-type", "$.documents[0].acceptedTypes[1]")]
    [InlineData("""{ "key": "a", "name": "A", "acceptedTypes": [] }""", "invalid-accepted-types", "$.documents[0].acceptedTypes")]
    [InlineData("""{ "key": "a", "name": "A", "maxBytes": 0 }""", "invalid-max-bytes", "$.documents[0].maxBytes")]
    [InlineData("""{ "key": "a", "name": "A", "maxBytes": 20971521 }""", "invalid-max-bytes", "$.documents[0].maxBytes")]
    public void A_bad_checklist_entry_is_reported_where_it_is(string documents, string code, string location)
    {
        var result = DefinitionJson.Parse(WithDocuments(documents));

        result.Definition.ShouldBeNull();
        result.Problems.ShouldContain(p => p.Code == code && p.Location == location);
    }

    [Fact]
    public void Requiring_documents_on_an_outcome_the_step_lacks_is_a_validation_problem()
    {
        var definition = SampleProcedures.Parse(WithDocuments("""{ "key": "a", "name": "A", "required": true }""", "\"requireDocuments\": [\"approve\"],"));

        DefinitionValidator.Validate(definition).Problems.ShouldContain(p => p.Code == "unknown-outcome" && p.Location == "$.steps[1].requireDocuments");
    }

    [Fact]
    public void A_bad_supplement_window_is_reported()
    {
        var json = WithDocuments("""{ "key": "a", "name": "A", "required": true }""").Replace("\"roles\"", "\"policies\": { \"supplementWindow\": \"ten days\" }, \"roles\"", StringComparison.Ordinal);

        DefinitionJson.Parse(json).Problems.ShouldContain(p => p.Code == "invalid-duration" && p.Location == "$.policies.supplementWindow");
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, MediaTypes.Pdf)]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, MediaTypes.Jpeg)]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }, MediaTypes.Png)]
    [InlineData(new byte[] { 0x49, 0x49, 0x2A, 0x00, 8, 0 }, MediaTypes.Tiff)]
    [InlineData(new byte[] { 0x4D, 0x4D, 0x00, 0x2A, 0, 8 }, MediaTypes.Tiff)]
    [InlineData(new byte[] { 0x4D, 0x5A, 0x90, 0x00 }, null)] // a Windows executable named "scan.pdf"
    [InlineData(new byte[] { 0x3C, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, null)] // "<html>"
    [InlineData(new byte[] { 0x25, 0x50, 0x44 }, null)] // truncated "%PD"
    [InlineData(new byte[0], null)]
    public void The_type_is_read_from_the_content_not_from_a_claim(byte[] content, string? expected) =>
        MediaTypes.Sniff(content).ShouldBe(expected);
}
