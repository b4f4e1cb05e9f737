using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workflows.E2E.Tests;

/// <summary>
/// An analyst's whole job in one browser session: create from the template, publish, add a consultation of
/// another unit (parallel split + task + join), route with a condition, see and fix a validation error, publish
/// again, diff the two versions, simulate a dossier. Screenshots for the README are taken on the way.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class DesignerStoryTests(DesignerHost host)
{
    private IPage page = null!;

    [Fact]
    public async Task An_analyst_restructures_a_procedure_without_writing_JSON()
    {
        (page, var errors) = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl);

        // Create from the five-step template, save and publish version 1.
        await page.GetByTestId("new-from-template").ClickAsync();
        await page.GetByTestId("new-name").FillAsync("Cấp phép thử nghiệm");
        await page.GetByTestId("new-id").FillAsync("e2e-permit");
        await page.GetByTestId("create-procedure").ClickAsync();
        await page.GetByTestId("step-receive").WaitForAsync();
        await ExpectValidAsync();
        await page.GetByTestId("save-draft").ClickAsync();
        await page.GetByTestId("saved").WaitForAsync();
        await PublishAsync("Bản đầu tiên từ mẫu 5 bước");

        // A parallel split added after appraisal is unreachable until wired in: the error shows on the canvas.
        await SelectStepAsync("appraise");
        await page.GetByTestId("add-parallel-split").ClickAsync();
        await ExpectErrorsOnStepAsync("parallel-split-1");
        await Screenshot("designer-validation-error.png");

        // Consultation: the provincial police give an opinion while the specialist checks in parallel.
        await page.GetByTestId("add-task").ClickAsync();
        await page.GetByTestId("step-name").FillAsync("Lấy ý kiến Công an tỉnh");
        await page.GetByTestId("step-budget").FillAsync("2h");
        await ChooseAsync("step-unit", "Công an tỉnh");
        await SelectStepAsync("parallel-split-1");
        await page.GetByTestId("add-task").ClickAsync();
        await page.GetByTestId("step-name").FillAsync("Kiểm tra nội bộ");
        await page.GetByTestId("step-budget").FillAsync("2h");
        await SelectStepAsync("task-1");
        await page.GetByTestId("add-parallel-join").ClickAsync();
        await SelectStepAsync("task-2");
        await ChooseAsync("target-done", "Hợp song song");

        // Route after the join: approve when the applicant's name is given, otherwise refuse.
        await SelectStepAsync("parallel-join-1");
        await page.GetByTestId("add-gateway").ClickAsync();
        await ChooseAsync("step-next", "Phê duyệt và ký số");
        await page.Keyboard.PressAsync("Escape");
        await ChooseAsync("step-next", "Từ chối");
        await page.Keyboard.PressAsync("Escape");
        await page.GetByTestId("branch-refused").GetByTestId("default-refused").CheckAsync();
        var approveBranch = page.GetByTestId("branch-approve");
        await approveBranch.GetByTestId("add-condition-row").ClickAsync();
        await approveBranch.GetByTestId("condition-operator").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "không trống", Exact = true }).ClickAsync();
        (await approveBranch.GetByTestId("condition-text").InnerTextAsync()).ShouldBe("!isEmpty(applicantName)");

        // Fix the error: appraisal's recommendation now leads to the consultation.
        await SelectStepAsync("appraise");
        await ChooseAsync("target-recommend", "Tách song song");
        await ExpectValidAsync();
        await page.GetByTestId("auto-layout").ClickAsync();
        await page.GetByTestId("step-parallel-split-1").WaitForAsync();
        await Screenshot("designer-canvas.png");

        await page.GetByTestId("save-draft").ClickAsync();
        await page.GetByTestId("saved").WaitForAsync();
        await PublishAsync("Thêm lấy ý kiến Công an tỉnh và rẽ nhánh");
        (await page.GetByTestId("base-version").InnerTextAsync()).ShouldContain("v2");

        // Diff version 1 → 2 on the canvas.
        await page.GetByTestId("tab-versions").ClickAsync();
        await page.GetByTestId("pick-version-1").CheckAsync();
        await page.GetByTestId("pick-version-2").CheckAsync();
        await page.GetByTestId("show-diff").ClickAsync();
        await page.GetByTestId("diff-banner").WaitForAsync();
        (await page.GetByTestId("step-parallel-split-1").GetAttributeAsync("data-diff")).ShouldBe("added");
        (await page.GetByTestId("step-gateway-1").GetAttributeAsync("data-diff")).ShouldBe("added");
        (await page.GetByTestId("step-receive").GetAttributeAsync("data-diff")).ShouldBe("same");
        await Screenshot("designer-diff.png");
        await page.GetByTestId("diff-banner").GetByRole(AriaRole.Button).Last.ClickAsync();

        // Simulate one dossier through the new version, choosing each outcome.
        await page.GetByTestId("tab-simulate").ClickAsync();
        await page.GetByTestId("simulate-start").ClickAsync();
        await page.GetByTestId("choose-receive-accept").ClickAsync();
        await page.GetByTestId("choose-appraise-recommend").ClickAsync();
        await page.GetByTestId("choose-task-1-done").ClickAsync();
        await page.GetByTestId("choose-task-2-done").ClickAsync();
        await page.GetByTestId("choose-approve-approve").ClickAsync();
        await page.GetByTestId("choose-issue-issued").ClickAsync();
        await page.GetByTestId("choose-return-returned").ClickAsync();
        await page.GetByTestId("simulation-status").Filter(new() { HasText = "Đã trả kết quả" }).WaitForAsync();
        (await page.GetByTestId("simulation-timings").Locator("tbody tr").CountAsync()).ShouldBeGreaterThanOrEqualTo(7);
        (await page.GetByTestId("simulation-total").InnerTextAsync()).ShouldNotBe("—");
        await Screenshot("designer-simulation.png");

        errors.ShouldBeEmpty();
    }

    private async Task SelectStepAsync(string id)
    {
        await page.ShowStepAsync(id);
        await page.GetByTestId($"step-{id}").ClickAsync();
        await page.GetByTestId("step-panel").WaitForAsync();
    }

    /// <summary>Picks an option of a Mantine select or multiselect by its visible label.</summary>
    private async Task ChooseAsync(string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^" + Regex.Escape(option)) }).First.ClickAsync();
    }

    private async Task ExpectValidAsync()
    {
        try
        {
            await page.Locator("[data-testid=validation-status][data-pending=false][data-errors='0']").WaitForAsync();
        }
        catch (TimeoutException)
        {
            await page.GetByTestId("tab-problems").ClickAsync();
            Directory.CreateDirectory(DesignerHost.ArtifactDirectory);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DesignerHost.ArtifactDirectory, "failure.png") });
            throw new ShouldAssertException("The definition should be valid, but: " + await page.GetByTestId("problems").InnerTextAsync());
        }
    }

    private async Task ExpectErrorsOnStepAsync(string step) =>
        await page.Locator($"[data-testid=step-{step}]:not([data-problems='0'])").WaitForAsync();

    private async Task PublishAsync(string note)
    {
        await ExpectValidAsync();
        await page.GetByTestId("publish").ClickAsync();
        await page.GetByTestId("change-note").FillAsync(note);
        await page.GetByTestId("confirm-publish").ClickAsync();
        await page.GetByTestId("published").WaitForAsync();
    }

    private async Task Screenshot(string name)
    {
        Directory.CreateDirectory(DesignerHost.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DesignerHost.ScreenshotDirectory, name) });
    }
}
