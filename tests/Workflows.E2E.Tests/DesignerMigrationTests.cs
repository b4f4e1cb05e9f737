using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Workflows.E2E.Tests;

/// <summary>Versions panel: running dossiers per version, and moving them to a newer version with a step mapping.</summary>
[Collection(BrowserTests.Name)]
public sealed class DesignerMigrationTests(DesignerHost host)
{
    [Fact]
    public async Task Running_dossiers_of_version_1_move_to_version_2_from_the_versions_panel()
    {
        var (page, errors) = await host.NewPageAsync();
        await page.CreateFromTemplateAsync(host.BaseUrl, "e2e-migrate", "Chuyển phiên bản");
        await page.SaveAsync();
        await page.PublishAsync("v1");

        // A citizen submits a dossier on version 1: it waits at the desk's receive step.
        var submitted = await page.APIRequest.PostAsync($"{host.BaseUrl}/api/dossiers", new()
        {
            Headers = new Dictionary<string, string> { ["X-Workflows-User"] = "citizen-an" },
            DataObject = new
            {
                procedure = "e2e-migrate",
                unit = "xa-tan-an",
                data = new { applicantName = "Nguyễn Văn An", applicantId = "001090012345", address = "Thôn 1, xã Tân An" },
            },
        });
        submitted.Ok.ShouldBeTrue(await submitted.TextAsync());

        // Version 2 gives the receive step another id: its waiting dossiers need a mapping to move.
        await page.SelectStepAsync("receive");
        await page.GetByLabel("Mã bước").FillAsync("tiep-nhan");
        await page.GetByTestId("step-name").FocusAsync();
        await page.GetByTestId("step-tiep-nhan").WaitForAsync();
        await page.SaveAsync();
        await page.PublishAsync("v2");

        await page.GetByTestId("tab-versions").ClickAsync();
        await ShouldShowRunningAsync(page, version: 1, running: "1");
        await ShouldShowRunningAsync(page, version: 2, running: "0");
        await page.ChooseAsync("migration-from", "v1");
        await page.GetByTestId("migration-mapping").WaitForAsync();
        await page.ChooseAsync("map-receive", "Tiếp nhận và số hóa hồ sơ (tiep-nhan)");
        await page.GetByTestId("launch-migration").ClickAsync();
        var result = page.GetByTestId("migration-result");
        await result.WaitForAsync();
        (await result.GetAttributeAsync("data-migrated")).ShouldBe("1");
        (await result.GetAttributeAsync("data-refused")).ShouldBe("0");

        var running = JsonNode.Parse(await (await page.APIRequest.GetAsync($"{host.BaseUrl}/api/procedures/e2e-migrate/running-dossiers")).TextAsync())!.AsArray();
        running.Where(r => (int)r!["version"]! == 2).Sum(r => (int)r!["running"]!).ShouldBe(1);
        await ShouldShowRunningAsync(page, version: 1, running: "0");
        await ShouldShowRunningAsync(page, version: 2, running: "1");
        errors.ShouldBeEmpty();
    }

    /// <summary>The versions table's "running dossiers" cell (fifth column) of a version reads exactly this, once loaded.</summary>
    private static Task ShouldShowRunningAsync(IPage page, int version, string running) =>
        Assertions.Expect(page.Locator($"[data-testid=version-{version}] td").Nth(4)).ToHaveTextAsync(running, new() { Timeout = 15_000 });
}
