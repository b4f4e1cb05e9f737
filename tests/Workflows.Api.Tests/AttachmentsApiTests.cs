using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Timers.Quartz;

namespace Workflows.Api.Tests;

public sealed class SqliteAttachmentsApiTests() : AttachmentsApiTests(new SqliteApiDatabase());

public sealed class PostgreSqlAttachmentsApiTests() : AttachmentsApiTests(new PostgreSqlApiDatabase());

/// <summary>Step 1 "receive &amp; digitize" over HTTP: uploads checked by content, the checklist gate, the supplement window.</summary>
public abstract class AttachmentsApiTests(ApiTestDatabase database) : ApiHostTests(database)
{
    private async Task<string> SubmitBirthRegistrationAsync()
    {
        var response = await As("citizen-an").PostAsJsonAsync("/api/dossiers", new
        {
            procedure = "birth-registration",
            unit = "xa-tan-an",
            data = new { childName = "Nguyễn Văn An", childBirthDate = "2026-02-20", childSex = "nam", birthPlace = "Trạm y tế xã Tân An", declarantId = "001234567890" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await Json(response)).GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> DossierAsync(string id) => (await Json(await As("desk-lan").GetAsync($"/api/dossiers/{id}"))).GetProperty("dossier");

    private static async Task<JsonElement> ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("type").GetString().ShouldBe("urn:workflows:problem:" + code, body);
        return problem;
    }

    private async Task ShouldNotBeStoredAsync(byte[] content)
    {
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        (await Factory.Services.GetRequiredService<IDocumentContentStore>().FindAsync(sha, TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task The_type_is_sniffed_from_the_content_and_the_download_returns_the_same_bytes()
    {
        var id = await SubmitBirthRegistrationAsync();
        var scan = Pdf("giay chung sinh");

        var response = await UploadAsync("citizen-an", id, "birth-certificate-medical", scan, "giay-chung-sinh.png", contentType: "image/png");

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var attachment = (await Json(response)).GetProperty("attachments").EnumerateArray().ShouldHaveSingleItem();
        attachment.GetProperty("mediaType").GetString().ShouldBe("application/pdf");
        attachment.GetProperty("size").GetInt64().ShouldBe(scan.Length);
        attachment.GetProperty("attachedBy").GetString().ShouldBe("citizen-an");
        response.Headers.Location!.ToString().ShouldBe(attachment.GetProperty("download").GetString());

        var download = await As("desk-lan").GetAsync(attachment.GetProperty("download").GetString());
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await download.Content.ReadAsByteArrayAsync()).ShouldBe(scan);

        var list = await Json(await As("desk-lan").GetAsync($"/api/dossiers/{id}/attachments"));
        var checklist = list.GetProperty("checklist").EnumerateArray().ToDictionary(i => i.GetProperty("key").GetString()!, i => i.GetProperty("attached").GetInt32());
        checklist["birth-certificate-medical"].ShouldBe(1);
        checklist["birth-registration-form"].ShouldBe(0);
        var history = (await Json(await As("desk-lan").GetAsync($"/api/dossiers/{id}/history"))).EnumerateArray().Select(e => e.GetProperty("event").GetProperty("type").GetString());
        history.ShouldContain("document-attached");
    }

    [Fact]
    public async Task An_executable_named_like_a_pdf_is_refused_and_nothing_is_stored()
    {
        var id = await SubmitBirthRegistrationAsync();
        byte[] executable = [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00];

        var problem = await ShouldBeProblem(await UploadAsync("citizen-an", id, "birth-certificate-medical", executable, "scan.pdf"), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        problem.GetProperty("detail").GetString()!.ShouldContain("scan.pdf");
        await ShouldNotBeStoredAsync(executable);
        (await DossierAsync(id)).GetProperty("attachments").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_type_the_component_does_not_accept_is_refused_even_when_the_store_knows_it()
    {
        var id = await SubmitBirthRegistrationAsync();
        byte[] tiff = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, 0x01];

        var problem = await ShouldBeProblem(await UploadAsync("citizen-an", id, "birth-certificate-medical", tiff, "gcs.tif"), HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");

        problem.GetProperty("detail").GetString()!.ShouldContain("TIFF");
        await ShouldNotBeStoredAsync(tiff);
    }

    [Fact]
    public async Task A_file_above_the_component_limit_or_the_global_cap_is_refused_and_nothing_is_stored()
    {
        var id = await SubmitBirthRegistrationAsync();
        var tooBigForComponent = new byte[(10 * 1024 * 1024) + 1];
        Pdf().CopyTo(tooBigForComponent, 0);

        await ShouldBeProblem(await UploadAsync("citizen-an", id, "birth-certificate-medical", tooBigForComponent), HttpStatusCode.RequestEntityTooLarge, "file-too-large");
        await ShouldNotBeStoredAsync(tooBigForComponent);

        var aboveCap = new byte[(20 * 1024 * 1024) + 1];
        Pdf().CopyTo(aboveCap, 0);
        (await UploadAsync("citizen-an", id, "other", aboveCap)).StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await DossierAsync(id)).GetProperty("revision").GetInt64().ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_components_empty_bodies_and_closed_dossiers_are_refused()
    {
        var id = await SubmitBirthRegistrationAsync();
        var scan = Pdf("death certificate");

        (await ShouldBeProblem(await UploadAsync("citizen-an", id, "death-certificate", scan), HttpStatusCode.UnprocessableEntity, "unknown-component"))
            .GetProperty("detail").GetString()!.ShouldContain("birth-certificate-medical");
        await ShouldNotBeStoredAsync(scan);
        await ShouldBeProblem(await UploadAsync("citizen-an", id, "other", []), HttpStatusCode.UnprocessableEntity, "invalid-attachment");
        await ShouldBeProblem(await As("citizen-an").PostAsync($"/api/dossiers/{id}/attachments", new ByteArrayContent(scan)), HttpStatusCode.BadRequest, "invalid-attachment");
        await ShouldBeProblem(await UploadAsync("clerk-mai", id, "other", scan), HttpStatusCode.Forbidden, "not-authorized");

        var refused = await As("desk-lan").PostAsJsonAsync($"/api/tasks/{TaskAt(await DossierAsync(id), "receive")}/complete", new { outcome = "refuse" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK, await refused.Content.ReadAsStringAsync());
        await ShouldBeProblem(await UploadAsync("citizen-an", id, "other", scan), HttpStatusCode.Conflict, "dossier-completed");
        await ShouldNotBeStoredAsync(scan);
        await ShouldBeProblem(await As("desk-lan").GetAsync($"/api/dossiers/{id}/attachments/nope"), HttpStatusCode.NotFound, "attachment-not-found");
    }

    [Fact]
    public async Task The_desk_cannot_accept_an_incomplete_dossier_and_accepts_once_the_scan_is_attached()
    {
        var id = await SubmitBirthRegistrationAsync();
        (await UploadAsync("citizen-an", id, "birth-registration-form", Pdf("to khai"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var receive = TaskAt(await DossierAsync(id), "receive");

        var problem = await ShouldBeProblem(await As("desk-lan").PostAsJsonAsync($"/api/tasks/{receive}/complete", new { outcome = "accept" }), HttpStatusCode.Conflict, "documents-missing");
        problem.GetProperty("detail").GetString()!.ShouldContain("birth-certificate-medical");
        (await DossierAsync(id)).GetProperty("status").GetString().ShouldBe("new");

        // The applicant brought the paper: the desk scans it on its own task.
        (await UploadAsync("desk-lan", id, "birth-certificate-medical", Pdf("giay chung sinh"), taskId: receive)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var accepted = await As("desk-lan").PostAsJsonAsync($"/api/tasks/{receive}/complete", new { outcome = "accept" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK, await accepted.Content.ReadAsStringAsync());
        var dossier = await Json(accepted);
        dossier.GetProperty("status").GetString().ShouldBe("in-process");
        dossier.GetProperty("attachments").EnumerateArray().Select(a => a.TryGetProperty("taskId", out var task) && task.ValueKind == JsonValueKind.String).ShouldBe([false, true]);
    }

    [Fact]
    public async Task Supplementing_after_the_window_is_refused_and_the_expiry_is_notified()
    {
        var id = await SubmitBirthRegistrationAsync();
        var dossier = await AttachRequiredAsync(id, "citizen-an");
        (await As("desk-lan").PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "receive")}/complete", new { outcome = "accept" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var appraise = TaskAt(await DossierAsync(id), "appraise");
        (await As("civil-hoa").PostAsJsonAsync($"/api/tasks/{appraise}/complete", new
        {
            outcome = "request-supplement",
            data = new { appraisalNote = "Giấy chứng sinh mờ", missingDocuments = "Giấy chứng sinh rõ nét" },
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var supplement = (await DossierAsync(id)).GetProperty("activeSteps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == "supplement");

        // 5 working days from Monday 08:00 is the next Monday 08:00; the applicant sees that deadline on the task.
        var deadline = new DateTimeOffset(2026, 3, 9, 8, 0, 0, TimeSpan.FromHours(7));
        supplement.GetProperty("dueAt").GetDateTimeOffset().ShouldBe(deadline);

        Factory.Clock.SetUtcNow(deadline.AddHours(1));
        (await Factory.Services.GetRequiredService<TimerDispatcher>().DeliverDueAsync(TestContext.Current.CancellationToken)).Delivered.ShouldBeGreaterThan(0);
        (await Json(await As("chair-tuan").GetAsync("/api/notifications"))).EnumerateArray().Select(n => n.GetProperty("kind").GetString()).ShouldContain("supplement-window-expired");

        var late = await As("citizen-an").PostAsJsonAsync($"/api/tasks/{supplement.GetProperty("taskId").GetString()}/complete", new { outcome = "supplemented", data = new { supplementNote = "Đã bổ sung" } });
        (await ShouldBeProblem(late, HttpStatusCode.Conflict, "supplement-window-closed")).GetProperty("detail").GetString()!.ShouldContain("2026-03-09 08:00");
        (await DossierAsync(id)).GetProperty("status").GetString().ShouldBe("supplement-requested");
    }
}
