using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Workflows.E2E.Tests;

/// <summary>Fee, result template, escalation ladder and documents checklist are edited without JSON and land in it.</summary>
[Collection(BrowserTests.Name)]
public sealed class DesignerPropertiesTests(DesignerHost host)
{
    [Fact]
    public async Task Fee_template_escalation_and_documents_are_edited_in_panels_and_written_to_the_definition()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.CreateFromTemplateAsync(host.BaseUrl, "e2e-properties", "Lệ phí và giấy tờ");

        await page.SelectStepAsync("receive");
        // The budget says in words what the engine will read, and refuses what it would not read.
        (await page.GetByTestId("step-budget-meaning").InnerTextAsync()).ShouldBe("= 4 giờ làm việc");
        await page.GetByTestId("step-budget").FillAsync("3 ngày");
        (await page.GetByTestId("step-panel").InnerTextAsync()).ShouldContain("Không đọc được thời hạn");
        await page.GetByTestId("step-budget").FillAsync("0.5d");
        (await page.GetByTestId("step-budget-meaning").InnerTextAsync()).ShouldBe("= 0,5 ngày làm việc");
        await page.GetByTestId("step-fee").FillAsync("50000");
        await page.GetByTestId("step-fee-note").FillAsync("Theo Thông tư 85/2019/TT-BTC");
        await page.SelectStepAsync("issue");
        // The templates are the ones the host prints (GET /api/result-templates), picked by name.
        await page.GetByTestId("step-template").ClickAsync();
        var templates = await page.GetByRole(AriaRole.Option).AllInnerTextsAsync();
        var served = JsonNode.Parse(await (await page.APIRequest.GetAsync($"{host.BaseUrl}/api/result-templates")).TextAsync())!.AsArray();
        templates.ShouldBe(served.Select(t => (string)t!["name"]!).ToList());
        templates.ShouldContain("Giấy khai sinh");
        await page.GetByRole(AriaRole.Option, new() { Name = "Giấy phép (mẫu chung)" }).ClickAsync();
        (await page.GetByTestId("step-template").InputValueAsync()).ShouldBe("Giấy phép (mẫu chung)");

        // The procedure's escalation ladder: remind a day before, reassign to the leader four hours after.
        await page.Locator(".react-flow__pane").ClickAsync(new() { Position = new() { X = 5, Y = 5 } });
        await page.GetByTestId("procedure-panel").WaitForAsync();
        await page.GetByTestId("add-rung").ClickAsync();
        await page.GetByTestId("add-rung").ClickAsync();
        var second = page.GetByTestId("rung-1");
        await second.GetByTestId("rung-after").FillAsync("4h");
        await second.GetByTestId("rung-action").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Chuyển người xử lý" }).ClickAsync();
        await second.GetByTestId("rung-role").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Lãnh đạo" }).ClickAsync();

        // The documents checklist, and the preview as the citizen and the desk see it.
        await page.GetByTestId("tab-form").ClickAsync();
        // An official picked by the leader (a "user" field, as the sample procedures use for the specialist).
        await page.GetByTestId("add-field").ClickAsync();
        var field = page.GetByTestId("field-field4");
        await field.GetByLabel("Nhãn").FillAsync("Công chức thụ lý");
        await field.GetByLabel("Kiểu").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Công chức (người dùng)" }).ClickAsync();
        await page.GetByTestId("add-document").ClickAsync();
        await page.GetByTestId("document-name").FillAsync("Đơn đề nghị cấp phép");
        await page.GetByTestId("document-max-size").FillAsync("5");
        await page.GetByTestId("form-designer").GetByRole(AriaRole.Heading).First.ClickAsync();
        var citizen = page.GetByTestId("documents-preview-citizen");
        (await citizen.InnerTextAsync()).ShouldContain("Đơn đề nghị cấp phép");
        (await citizen.GetByTestId("document-rule").InnerTextAsync()).ShouldBe("PDF ≤ 5 MB");
        await page.GetByTestId("preview-audience").GetByText("Bộ phận một cửa").ClickAsync();
        (await page.GetByTestId("documents-preview-desk").GetByRole(AriaRole.Checkbox).CountAsync()).ShouldBe(1);

        // The server reads fee, template and the documents checklist in exactly this shape: live validation finds no
        // error, so the analyst can publish what they drew.
        await page.Locator("[data-testid=validation-status][data-pending=false][data-errors='0']").WaitForAsync();

        await page.GetByTestId("file-menu").ClickAsync();
        var json = JsonNode.Parse(await page.DownloadTextAsync(() => page.GetByTestId("export-json").ClickAsync()))!;
        var steps = json["steps"]!.AsArray();
        var receive = steps.First(s => (string?)s!["id"] == "receive")!;
        ((int)receive["fee"]!["amount"]!).ShouldBe(50000);
        ((string?)receive["fee"]!["currency"]).ShouldBe("VND");
        var template = steps.First(s => (string?)s!["id"] == "issue")!["template"]!;
        ((string?)template["id"]).ShouldBe("giay-phep");
        ((string?)template["name"]).ShouldBe("Giấy phép (mẫu chung)");
        json["escalation"]!.ToJsonString().ShouldBe("""[{"after":"-1d","action":"notify-assignee"},{"after":"4h","action":"reassign","role":"leader"}]""");
        var document = json["documents"]!.AsArray().Single()!;
        ((string?)document["key"]).ShouldBe("don-de-nghi-cap-phep");
        ((bool)document["required"]!).ShouldBeTrue();
        document["acceptedTypes"]!.ToJsonString().ShouldBe("""["application/pdf"]""");
        ((int)document["maxBytes"]!).ShouldBe(5 * 1024 * 1024);
        ((string?)receive["budget"]).ShouldBe("0.5d");
        ((string?)json["form"]!["fields"]!.AsArray().Single(f => (string?)f!["key"] == "field4")!["type"]).ShouldBe("user");
        errors.ShouldBeEmpty();
    }
}
