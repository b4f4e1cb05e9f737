using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Workflows.E2E.Tests;

/// <summary>
/// The issue's bad inputs in a real browser: two analysts on one draft, a lost connection, files that are not
/// definitions or are too large. Each is refused with a message a person can act on and loses nobody's work.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class DesignerBadInputTests(DesignerHost host)
{
    [Fact]
    public async Task Two_analysts_saving_the_same_draft_get_a_conflict_message_not_a_silent_overwrite()
    {
        var (first, firstErrors) = await host.NewPageAsync();
        await first.CreateFromTemplateAsync(host.BaseUrl, "e2e-conflict", "Hai người cùng sửa");
        await first.SaveAsync();

        // The second analyst opens the same draft and saves a change first.
        var (second, secondErrors) = await host.NewPageAsync();
        await second.OpenAsync(host.BaseUrl, "e2e-conflict");
        await second.SelectStepAsync("receive");
        await second.RenameSelectedStepAsync("Tiếp nhận (người thứ hai)");
        await second.SaveAsync();

        // The first analyst's save is refused with a clear message; nothing on the server is overwritten.
        await first.SelectStepAsync("receive");
        await first.RenameSelectedStepAsync("Tiếp nhận (người thứ nhất)");
        await first.GetByTestId("save-draft").ClickAsync();
        var conflict = first.GetByTestId("draft-conflict");
        await conflict.WaitForAsync();
        (await conflict.InnerTextAsync()).ShouldContain("Người khác đã lưu bản nháp này");

        var stored = await first.APIRequest.GetAsync($"{host.BaseUrl}/api/procedures/e2e-conflict/versions/1");
        var receive = JsonNode.Parse(await stored.TextAsync())!["definition"]!["steps"]!.AsArray().First(s => (string?)s!["id"] == "receive")!;
        ((string?)receive["name"]).ShouldBe("Tiếp nhận (người thứ hai)");

        // The refused edit is still in the first analyst's browser and offered back when the draft is reopened.
        await first.WaitForFunctionAsync("() => (localStorage.getItem('workflows.draft.e2e-conflict') ?? '').includes('người thứ nhất')");
        await first.OpenAsync(host.BaseUrl, "e2e-conflict");
        await first.GetByTestId("local-draft-offer").WaitForAsync();
        (await first.GetByTestId("step-receive").InnerTextAsync()).ShouldContain("người thứ hai");

        firstErrors.Except("status of 409").ShouldBeEmpty();
        secondErrors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_lost_connection_keeps_the_draft_in_the_browser_and_offers_it_back_after_a_reload()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.CreateFromTemplateAsync(host.BaseUrl, "e2e-offline", "Mất kết nối");
        await page.SaveAsync();

        await page.Context.SetOfflineAsync(true);
        await page.SelectStepAsync("appraise");
        await page.RenameSelectedStepAsync("Thẩm định (sửa khi mất mạng)");
        await page.GetByTestId("save-draft").ClickAsync();
        (await page.GetByTestId("message").InnerTextAsync()).ShouldContain("Mất kết nối");
        await page.WaitForFunctionAsync("() => (localStorage.getItem('workflows.draft.e2e-offline') ?? '').includes('sửa khi mất mạng')");

        await page.Context.SetOfflineAsync(false);
        await page.ReloadAsync();
        await page.GetByTestId("open-e2e-offline").ClickAsync();
        await page.GetByTestId("local-draft-offer").WaitForAsync();
        (await page.GetByTestId("step-appraise").InnerTextAsync()).ShouldNotContain("sửa khi mất mạng");
        await page.GetByTestId("restore-local").ClickAsync();
        await page.GetByTestId("step-appraise").Filter(new() { HasText = "sửa khi mất mạng" }).WaitForAsync();
        await page.GetByTestId("unsaved").WaitForAsync();
        await page.SaveAsync();

        errors.Except("net::ERR_INTERNET_DISCONNECTED", "Failed to fetch").ShouldBeEmpty();
    }

    [Theory]
    [InlineData("broken.json", "{ \"steps\": [", "Tệp không phải JSON hợp lệ.")]
    [InlineData("list.json", "[1, 2, 3]", "Tệp JSON không phải định nghĩa thủ tục")]
    [InlineData("no-steps.json", "{ \"id\": \"x\", \"name\": \"Không có bước\" }", "Tệp JSON không phải định nghĩa thủ tục")]
    [InlineData("broken.bpmn", "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process", "Tệp không phải BPMN 2.0 đọc được.")]
    public async Task An_invalid_import_file_is_refused_with_a_clear_message(string name, string content, string message)
    {
        var (page, errors) = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl);
        await page.GetByTestId("open-birth-registration").WaitForAsync();
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "application/octet-stream", Buffer = Encoding.UTF8.GetBytes(content) });
        (await page.GetByTestId("list-error").InnerTextAsync()).ShouldContain(message);
        (await page.GetByTestId("procedure-list").CountAsync()).ShouldBe(1, "the list stays; no editor opened");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_definition_too_large_is_refused_before_it_reaches_the_server()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.CreateFromTemplateAsync(host.BaseUrl, "e2e-large", "Quá lớn");
        var steps = string.Join(",", Enumerable.Range(1, 9000).Select(i => $"{{\"id\":\"task-{i}\",\"kind\":\"task\",\"name\":\"Bước có tên dài để tệp vượt quá giới hạn {i}\",\"role\":\"specialist\",\"budget\":\"1d\",\"outcomes\":[\"done\"]}}"));
        var json = $"{{\"id\":\"e2e-large\",\"name\":\"Quá lớn\",\"steps\":[{steps}]}}";
        Encoding.UTF8.GetByteCount(json).ShouldBeGreaterThan(1024 * 1024);

        // The new draft's first live validation may still be on its way; count only what the import sends.
        await page.Locator("[data-testid=validation-status][data-pending=false]").WaitForAsync();
        var requests = 0;
        page.Request += (_, r) => { if (r.Url.Contains("/api/procedures", StringComparison.Ordinal) && r.Method != "GET") requests++; };
        await page.GetByTestId("import-input").SetInputFilesAsync(new FilePayload { Name = "large.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(json) });
        (await page.GetByTestId("message").InnerTextAsync()).ShouldContain("Tệp quá lớn (tối đa 1 MiB).");
        (await page.Locator(".react-flow__node").CountAsync()).ShouldBe(8, "the template is unchanged");
        requests.ShouldBe(0);
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_definition_JSON_exports_and_imports_back_keeping_what_the_designer_does_not_edit()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.CreateFromTemplateAsync(host.BaseUrl, "e2e-roundtrip", "Khứ hồi JSON");
        await page.GetByTestId("file-menu").ClickAsync();
        var exported = JsonNode.Parse(await page.DownloadTextAsync(() => page.GetByTestId("export-json").ClickAsync()))!.AsObject();
        ((string?)exported["id"]).ShouldBe("e2e-roundtrip");
        exported["steps"]!.AsArray().Count.ShouldBe(8);

        // Change it outside the designer (as another tool would), adding properties the designer does not know.
        exported["steps"]!.AsArray().First(s => (string?)s!["id"] == "receive")!["name"] = "Tiếp nhận (sửa ngoài)";
        exported["steps"]!.AsArray().First(s => (string?)s!["id"] == "receive")!["signOn"] = new JsonArray("accept");
        exported["policies"] = new JsonObject { ["supplementWindow"] = "15d" };
        await page.GetByTestId("import-input").SetInputFilesAsync(new FilePayload
        {
            Name = "e2e-roundtrip.json", MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(exported.ToJsonString()),
        });
        (await page.GetByTestId("message").InnerTextAsync()).ShouldBe("Đã nhập tệp.");
        (await page.GetByTestId("step-receive").InnerTextAsync()).ShouldContain("Tiếp nhận (sửa ngoài)");

        await page.GetByTestId("file-menu").ClickAsync();
        var again = JsonNode.Parse(await page.DownloadTextAsync(() => page.GetByTestId("export-json").ClickAsync()))!;
        JsonNode.DeepEquals(again, exported).ShouldBeTrue($"export after import should equal the imported file, was {again.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_BPMN_export_is_BPMN_2_0_that_bpmn_moddle_opens_again()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.CreateFromTemplateAsync(host.BaseUrl, "e2e-bpmn", "Xuất BPMN");
        await page.GetByTestId("file-menu").ClickAsync();
        var xml = await page.DownloadTextAsync(() => page.GetByTestId("export-bpmn").ClickAsync());

        var document = System.Xml.Linq.XDocument.Parse(xml);
        System.Xml.Linq.XNamespace bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
        document.Root!.Name.ShouldBe(bpmn + "definitions");
        document.Descendants(bpmn + "process").Count().ShouldBe(1);
        document.Descendants(bpmn + "lane").Count().ShouldBeGreaterThanOrEqualTo(4, "one lane per role");
        document.Descendants(bpmn + "sequenceFlow").Count().ShouldBe(10);

        // The designer's BPMN import reads the file with bpmn-moddle: the same eight steps come back.
        await page.GetByTestId("import-input").SetInputFilesAsync(new FilePayload { Name = "e2e-bpmn.bpmn", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes(xml) });
        (await page.GetByTestId("message").InnerTextAsync()).ShouldBe("Đã nhập tệp.");
        (await page.Locator(".react-flow__node").CountAsync()).ShouldBe(8);
        await page.ExpectValidAsync();
        errors.ShouldBeEmpty();
    }
}
