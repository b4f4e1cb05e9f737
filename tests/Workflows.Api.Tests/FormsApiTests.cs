using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflows.Api.Features.Forms;
using Workflows.Api.Workers;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Persistence;
using Workflows.Tests.Shared;

namespace Workflows.Api.Tests;

public sealed class SqliteFormsApiTests() : FormsApiTests(new SqliteApiDatabase());

public sealed class PostgreSqlFormsApiTests() : FormsApiTests(new PostgreSqlApiDatabase());

/// <summary>Forms 01–04 produced from committed events by the host, listed and downloaded per dossier.</summary>
public abstract class FormsApiTests(ApiTestDatabase database) : ApiHostTests(database)
{
    private async Task<JsonElement> SubmitAsync()
    {
        var response = await As("citizen-an").PostAsJsonAsync("/api/dossiers", new
        {
            procedure = "birth-registration",
            unit = "xa-tan-an",
            data = new { childName = "Nguyễn Văn An", childBirthDate = "2026-02-20", childSex = "nam", birthPlace = "Trạm y tế xã Tân An", motherName = "Trần Thị Bình", declarantId = "001234567890", relationship = "mẹ" },
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await AttachRequiredAsync((await Json(response)).GetProperty("id").GetString()!, "citizen-an");
    }

    private async Task<JsonElement> CompleteAsync(JsonElement dossier, string step, string outcome, string user, object? data = null)
    {
        var response = await As(user).PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, step)}/complete", new { outcome, data });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await Json(response);
    }

    private static async Task<JsonElement> ShouldBeProblem(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("type").GetString().ShouldBe("urn:workflows:problem:" + code, body);
        return problem;
    }

    // The producer is driven by the test, like the timer dispatcher, so each run is observable.
    protected override IReadOnlyDictionary<string, string?> HostSettings => new Dictionary<string, string?> { ["Timers:RunScheduler"] = "false" };

    private Task<FormProduction> ProduceAsync() => Factory.Services.GetRequiredService<FormProducer>().ProduceAsync(TestContext.Current.CancellationToken);

    private async Task<List<JsonElement>> FormsAsync(string id, string user = "desk-lan")
    {
        var response = await As(user).GetAsync($"/api/dossiers/{id}/forms");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await Json(response)).EnumerateArray()];
    }

    private async Task<string> PdfTextAsync(string id, JsonElement form)
    {
        var response = await As("desk-lan").GetAsync($"/api/dossiers/{id}/forms/{form.GetProperty("form").GetString()}/{form.GetProperty("eventSequence").GetInt64()}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        bytes.LongLength.ShouldBe(form.GetProperty("size").GetInt64());
        return await PdfToTextAsync(bytes);
    }

    private static async Task<string> PdfToTextAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf, TestContext.Current.CancellationToken);
            // pdftotext reads the produced PDFs' text.
            ProcessStartInfo start = new(OutsideTool.Require("pdftotext", "poppler-utils")) { ArgumentList = { "-enc", "UTF-8", file, "-" }, RedirectStandardOutput = true };
            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            process.ExitCode.ShouldBe(0);
            return text;
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Accepting_at_the_desk_produces_form_01_with_the_receipt_number_and_the_appointment()
    {
        var accepted = await CompleteAsync(await SubmitAsync(), "receive", "accept", "desk-lan");
        var id = accepted.GetProperty("id").GetString()!;
        (await FormsAsync(id)).ShouldBeEmpty(); // the command did not wait for a PDF

        (await ProduceAsync()).Produced.ShouldBe(1);

        var form = (await FormsAsync(id)).ShouldHaveSingleItem();
        form.GetProperty("form").GetString().ShouldBe("01");
        form.GetProperty("createdAt").GetDateTimeOffset().ShouldBe(WorkflowsApiFactory.Start);
        var receipt = accepted.GetProperty("data").GetProperty("receiptNumber").GetString()!;
        var text = await PdfTextAsync(id, form);
        text.ShouldContain(receipt);
        text.ShouldContain("Giấy tiếp nhận hồ sơ", Case.Insensitive);
        var appointment = accepted.GetProperty("dueAt").GetDateTimeOffset().ToOffset(TimeSpan.FromHours(7));
        text.ShouldContain($"{appointment:HH} giờ {appointment:mm} phút, ngày {appointment:dd/MM/yyyy}");
    }

    [Fact]
    public async Task A_supplement_request_produces_form_02_with_what_is_missing_and_the_window()
    {
        var received = await CompleteAsync(await SubmitAsync(), "receive", "accept", "desk-lan");
        var requested = await CompleteAsync(received, "appraise", "request-supplement", "civil-hoa", new { appraisalNote = "Giấy chứng sinh mờ", missingDocuments = "Giấy chứng sinh rõ nét" });
        var id = requested.GetProperty("id").GetString()!;

        (await ProduceAsync()).Produced.ShouldBe(2);

        var forms = await FormsAsync(id);
        forms.Select(f => f.GetProperty("form").GetString()).ShouldBe(["01", "02"]);
        var text = await PdfTextAsync(id, forms[1]);
        text.ShouldContain("Giấy chứng sinh rõ nét");
        text.ShouldContain("09/03/2026"); // 5 working days from Monday 2 March 08:00
    }

    [Fact]
    public async Task A_refusal_at_receipt_produces_form_03_with_the_reason()
    {
        var dossier = await SubmitAsync();
        var id = dossier.GetProperty("id").GetString()!;
        var refused = await As("desk-lan").PostAsJsonAsync($"/api/tasks/{TaskAt(dossier, "receive")}/complete", new { outcome = "refuse", comment = "Không thuộc thẩm quyền của xã" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK, await refused.Content.ReadAsStringAsync());

        (await ProduceAsync()).Produced.ShouldBe(1);

        var form = (await FormsAsync(id)).ShouldHaveSingleItem();
        form.GetProperty("form").GetString().ShouldBe("03");
        (await PdfTextAsync(id, form)).ShouldContain("Không thuộc thẩm quyền của xã");
    }

    [Fact]
    public async Task A_refusal_after_receipt_produces_a_written_reply_with_the_reasons_not_form_03()
    {
        var received = await CompleteAsync(await SubmitAsync(), "receive", "accept", "desk-lan");
        var id = received.GetProperty("id").GetString()!;
        var refused = await As("civil-hoa").PostAsJsonAsync($"/api/tasks/{TaskAt(received, "appraise")}/complete", new
        {
            outcome = "refuse",
            data = new { appraisalNote = "Giấy chứng sinh không hợp lệ" },
            comment = "Giấy chứng sinh do cơ sở không có chức năng khám, chữa bệnh cấp.",
        });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK, await refused.Content.ReadAsStringAsync());

        (await ProduceAsync()).Produced.ShouldBe(2);

        var forms = await FormsAsync(id);
        forms.Select(f => f.GetProperty("form").GetString()).ShouldBe(["01", FormCodes.WrittenReply]);
        var text = await PdfTextAsync(id, forms[1]);
        text.ShouldContain("Văn bản trả lời", Case.Insensitive);
        text.ShouldContain("Giấy chứng sinh do cơ sở không có chức năng khám, chữa bệnh cấp.");
        text.ShouldNotContain("từ chối tiếp nhận", Case.Insensitive);
    }

    [Fact]
    public async Task Stopping_a_dossier_produces_a_notice_to_the_applicant_with_the_reason()
    {
        var received = await CompleteAsync(await SubmitAsync(), "receive", "accept", "desk-lan");
        var id = received.GetProperty("id").GetString()!;
        var stopped = await As("chair-tuan").PostAsJsonAsync($"/api/dossiers/{id}/stop", new { reason = "Người đề nghị có văn bản đề nghị dừng để giải quyết tranh chấp." });
        stopped.StatusCode.ShouldBe(HttpStatusCode.OK, await stopped.Content.ReadAsStringAsync());

        (await ProduceAsync()).Produced.ShouldBe(2);

        var forms = await FormsAsync(id);
        forms.Select(f => f.GetProperty("form").GetString()).ShouldBe(["01", FormCodes.StopNotice]);
        var text = await PdfTextAsync(id, forms[1]);
        text.ShouldContain("Thông báo dừng giải quyết hồ sơ", Case.Insensitive);
        text.ShouldContain("Người đề nghị có văn bản đề nghị dừng để giải quyết tranh chấp.");
    }

    [Fact]
    public async Task A_new_appointment_from_the_leader_produces_form_04_with_both_dates_and_the_reason()
    {
        var submitted = await As("citizen-an").PostAsJsonAsync("/api/dossiers", new
        {
            procedure = "construction-permit-house",
            unit = "xa-tan-an",
            data = new
            {
                ownerName = "Nguyễn Văn An", ownerId = "001234567890", ownerAddress = "Thôn 1, xã Tân An", constructionAddress = "Thôn 2, xã Tân An",
                landParcel = "Thửa 12, tờ 3", landCertificateNumber = "CS 012345", landArea = 120, buildingFootprint = 80, grossFloorArea = 240, floors = 3, buildingHeight = 11.5,
            },
        });
        submitted.StatusCode.ShouldBe(HttpStatusCode.Created, await submitted.Content.ReadAsStringAsync());
        var received = await CompleteAsync(await AttachRequiredAsync((await Json(submitted)).GetProperty("id").GetString()!, "citizen-an"), "receive", "accept", "desk-lan");
        var id = received.GetProperty("id").GetString()!;
        var later = received.GetProperty("dueAt").GetDateTimeOffset().AddDays(7).ToOffset(TimeSpan.FromHours(7));
        var given = await As("chair-tuan").PostAsJsonAsync($"/api/dossiers/{id}/new-appointment", new { appointment = later, reason = "Chờ ý kiến của Sở Xây dựng về chỉ giới." });
        given.StatusCode.ShouldBe(HttpStatusCode.OK, await given.Content.ReadAsStringAsync());

        (await ProduceAsync()).Produced.ShouldBe(2);

        var forms = await FormsAsync(id);
        forms.Select(f => f.GetProperty("form").GetString()).ShouldBe(["01", "04"]);
        var text = await PdfTextAsync(id, forms[1]);
        text.ShouldContain("Chờ ý kiến của Sở Xây dựng về chỉ giới.");
        text.ShouldContain($"ngày {later:dd/MM/yyyy}");
    }

    [Fact]
    public async Task Running_the_producer_again_or_on_two_hosts_at_once_stores_each_form_once()
    {
        var id = (await CompleteAsync(await SubmitAsync(), "receive", "accept", "desk-lan")).GetProperty("id").GetString()!;
        var producer = Factory.Services.GetRequiredService<FormProducer>();
        var second = ActivatorUtilities.CreateInstance<FormProducer>(Factory.Services); // another host's producer

        var runs = await Task.WhenAll(producer.ProduceAsync(TestContext.Current.CancellationToken), second.ProduceAsync(TestContext.Current.CancellationToken));
        runs.Sum(r => r.Produced).ShouldBe(1);
        (await ProduceAsync()).ShouldBe(new FormProduction(0, 0));

        (await FormsAsync(id)).ShouldHaveSingleItem().GetProperty("form").GetString().ShouldBe("01");
    }

    [Fact]
    public async Task Events_that_print_nothing_are_marked_handled_together_leaving_what_another_producer_recorded()
    {
        await CompleteAsync(await SubmitAsync(), "receive", "accept", "desk-lan");
        var store = Factory.Services.GetRequiredService<IDossierFormStore>();
        var at = DateTimeOffset.UnixEpoch;
        var triggers = await store.ListUnhandledAsync(FormTriggers.EventTypes, 100, TestContext.Current.CancellationToken);
        triggers.Count.ShouldBeGreaterThan(1);
        (await store.RecordAsync(triggers[0], null, null, at, TestContext.Current.CancellationToken)).ShouldBeTrue(); // another host was first

        var recorded = await store.RecordNoFormAsync([.. triggers], at, TestContext.Current.CancellationToken);

        recorded.ShouldBe(triggers.Count - 1);
        (await store.ListUnhandledAsync(FormTriggers.EventTypes, 100, TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Form_05_is_printed_on_demand_with_every_handover_so_far()
    {
        var accepted = await CompleteAsync(await SubmitAsync(), "receive", "accept", "desk-lan");
        var id = accepted.GetProperty("id").GetString()!;

        var response = await As("desk-lan").GetAsync($"/api/dossiers/{id}/control-sheet/pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/pdf");
        // Table cells wrap, so the text is compared with its line breaks folded into spaces.
        var text = string.Join(' ', (await PdfToTextAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)))
            .Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        text.ShouldContain("PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
        text.ShouldContain("STT Bước xử lý"); // the number column is wide enough for its own header
        text.ShouldContain(accepted.GetProperty("data").GetProperty("receiptNumber").GetString()!);
        text.ShouldContain("Tiếp nhận và số hóa hồ sơ"); // the desk's step, handed over
        text.ShouldContain("Nguyễn Thị Lan"); // who handed it over
        text.ShouldContain("Đúng hạn"); // received and handed over within the hour
        text.ShouldContain("Đang xử lý"); // the appraisal that has just started
        text.ShouldContain("UBND xã Tân An"); // the appraisal's unit by name, not its id
        await ShouldBeProblem(await As("desk-lan").GetAsync("/api/dossiers/nope/control-sheet/pdf"), HttpStatusCode.NotFound, "dossier-not-found");
    }

    [Fact]
    public async Task Unknown_dossiers_and_forms_are_clear_problems()
    {
        await ShouldBeProblem(await As("desk-lan").GetAsync("/api/dossiers/nope/forms"), HttpStatusCode.NotFound, "dossier-not-found");
        var id = (await SubmitAsync()).GetProperty("id").GetString()!;
        (await ShouldBeProblem(await As("desk-lan").GetAsync($"/api/dossiers/{id}/forms/01/1"), HttpStatusCode.NotFound, "form-not-found"))
            .GetProperty("detail").GetString()!.ShouldContain($"/api/dossiers/{id}/forms");
    }
}
