using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Workflows.Api.Tests;

/// <summary>E-result reuse: a sealed result is attached to another dossier by its number, verified, without re-scanning.</summary>
public abstract class EResultReuseApiTests(ApiTestDatabase database) : ApiHostTests(database)
{
    private async Task<string> SubmittedAsync()
    {
        var created = await As("citizen-an").PostAsJsonAsync("/api/dossiers", BirthRegistration());
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await Json(created)).GetProperty("id").GetString()!;
    }

    /// <summary>A birth registration walked to its sealed e-result; returns the result's number.</summary>
    private async Task<string> IssuedResultNumberAsync()
    {
        var dossier = await AttachRequiredAsync(await SubmittedAsync(), "citizen-an");
        dossier = await Ok(await As("desk-lan").PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "receive")}/complete", new { outcome = "accept" }));
        dossier = await Ok(await As("civil-hoa").PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "appraise")}/complete", new { outcome = "recommend", data = new { appraisalNote = "Hợp lệ" } }));
        dossier = await Ok(await As("chair-tuan").PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "approve")}/sign", new { outcome = "approve" }));
        dossier = await Ok(await As("clerk-mai").PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "issue")}/sign", new { outcome = "issued" }));
        return dossier.GetProperty("data").GetProperty("registerNumber").GetString()!;
    }

    [Fact]
    public async Task A_sealed_result_is_attached_to_another_dossier_by_its_number_byte_for_byte()
    {
        var number = await IssuedResultNumberAsync();
        var sealedPdf = await (await As("desk-lan").GetAsync($"/api/results/{number}/pdf")).Content.ReadAsByteArrayAsync();
        var other = await SubmittedAsync();

        var attached = await As("citizen-an").PostAsJsonAsync($"/api/dossiers/{other}/attachments/from-result", new { number, component = "other" });

        attached.StatusCode.ShouldBe(HttpStatusCode.Created, await attached.Content.ReadAsStringAsync());
        var list = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{other}/attachments"));
        var file = list.GetProperty("attachments").EnumerateArray().Single();
        file.GetProperty("mediaType").GetString().ShouldBe("application/pdf");
        file.GetProperty("fileName").GetString()!.ShouldContain(number.Replace('/', '-'));
        var download = await (await As("desk-lan").GetAsync($"/api/dossiers/{other}/attachments/{file.GetProperty("id").GetString()}")).Content.ReadAsByteArrayAsync();
        download.ShouldBe(sealedPdf);
        (await As("desk-lan").GetStringAsync($"/api/dossiers/{other}/history")).ShouldContain("document-attached");
    }

    [Fact]
    public async Task An_unknown_number_or_a_request_without_a_component_is_refused_and_nothing_is_attached()
    {
        var other = await SubmittedAsync();
        var before = await As("desk-lan").GetStringAsync($"/api/dossiers/{other}");

        var unknown = await As("citizen-an").PostAsJsonAsync($"/api/dossiers/{other}/attachments/from-result", new { number = "999/2026/KS", component = "other" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Json(unknown)).GetProperty("type").GetString().ShouldBe("urn:workflows:problem:result-not-found");

        var vague = await As("citizen-an").PostAsJsonAsync($"/api/dossiers/{other}/attachments/from-result", new { number = "1/2026/KS" });
        vague.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        (await As("desk-lan").GetStringAsync($"/api/dossiers/{other}")).ShouldBe(before);
    }
}

public sealed class SqliteEResultReuseApiTests() : EResultReuseApiTests(new SqliteApiDatabase());

public sealed class PostgreSqlEResultReuseApiTests() : EResultReuseApiTests(new PostgreSqlApiDatabase());
