using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Workflows.E2E.Tests;

/// <summary>What an analyst does again and again in the designer, for the browser stories.</summary>
internal static partial class DesignerSteps
{
    public static async Task CreateFromTemplateAsync(this IPage page, string baseUrl, string id, string name)
    {
        await page.GotoAsync(baseUrl);
        await page.GetByTestId("new-from-template").ClickAsync();
        await page.GetByTestId("new-name").FillAsync(name);
        await page.GetByTestId("new-id").FillAsync(id);
        await page.GetByTestId("create-procedure").ClickAsync();
        await page.GetByTestId("step-receive").WaitForAsync();
    }

    public static async Task OpenAsync(this IPage page, string baseUrl, string id)
    {
        await page.GotoAsync(baseUrl);
        await page.GetByTestId($"open-{id}").ClickAsync();
        await page.GetByTestId("step-receive").WaitForAsync();
    }

    public static async Task ExpectValidAsync(this IPage page)
    {
        try
        {
            await page.Locator("[data-testid=validation-status][data-pending=false][data-errors='0']").WaitForAsync();
        }
        catch (TimeoutException)
        {
            await page.GetByTestId("tab-problems").ClickAsync();
            throw new ShouldAssertException("The definition should be valid, but: " + await page.GetByTestId("problems").InnerTextAsync());
        }
    }

    public static async Task SaveAsync(this IPage page)
    {
        await page.GetByTestId("save-draft").ClickAsync();
        await page.GetByTestId("saved").WaitForAsync();
        await page.GetByTestId("saved").Locator("button").ClickAsync();
    }

    public static async Task PublishAsync(this IPage page, string note)
    {
        await page.ExpectValidAsync();
        await page.GetByTestId("publish").ClickAsync();
        await page.GetByTestId("change-note").FillAsync(note);
        await page.GetByTestId("confirm-publish").ClickAsync();
        await page.GetByTestId("published").WaitForAsync();
        await page.GetByTestId("published").Locator("button").ClickAsync();
    }

    public static async Task SelectStepAsync(this IPage page, string id)
    {
        await page.ShowStepAsync(id);
        await page.GetByTestId($"step-{id}").ClickAsync();
        await page.GetByTestId("step-panel").WaitForAsync();
    }

    /// <summary>
    /// A step panned out of the canvas (the view never zooms below the readable size by itself) is brought back the
    /// way an analyst would: the whole-procedure button.
    /// </summary>
    public static async Task ShowStepAsync(this IPage page, string id)
    {
        var step = await page.GetByTestId($"step-{id}").BoundingBoxAsync();
        var canvas = await page.GetByTestId("canvas").BoundingBoxAsync();
        if (step is null || canvas is null
            || step.X < canvas.X || step.Y < canvas.Y || step.X + step.Width > canvas.X + canvas.Width || step.Y + step.Height > canvas.Y + canvas.Height)
        {
            await page.GetByTestId("fit-all").ClickAsync();
        }
    }

    public static async Task RenameSelectedStepAsync(this IPage page, string name) =>
        await page.GetByTestId("step-name").FillAsync(name);

    /// <summary>Picks an option of a Mantine select by its visible label.</summary>
    public static async Task ChooseAsync(this IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new Regex("^" + Regex.Escape(option)) }).First.ClickAsync();
    }

    /// <summary>Where a step is drawn (the flow coordinates React Flow puts in the node's transform).</summary>
    public static async Task<(double X, double Y)> StepPositionAsync(this IPage page, string id)
    {
        var transform = await page.Locator($".react-flow__node[data-id='{id}']").EvaluateAsync<string>("e => e.style.transform");
        var m = Translate().Match(transform);
        m.Success.ShouldBeTrue($"a translate in '{transform}'");
        return (double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The canvas zoom (scale of the React Flow viewport).</summary>
    public static async Task<double> ZoomAsync(this IPage page) =>
        await page.Locator(".react-flow__viewport").EvaluateAsync<double>("e => new DOMMatrixReadOnly(getComputedStyle(e).transform).a");

    /// <summary>A screenshot in the artifacts folder (docs/images with WORKFLOWS_UPDATE_SCREENSHOTS=1).</summary>
    public static async Task ScreenshotAsync(this IPage page, string name)
    {
        Directory.CreateDirectory(DesignerHost.ScreenshotDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DesignerHost.ScreenshotDirectory, name) });
    }

    public static async Task<string> DownloadTextAsync(this IPage page, Func<Task> action)
    {
        var download = await page.RunAndWaitForDownloadAsync(action);
        var path = await download.PathAsync();
        return await File.ReadAllTextAsync(path);
    }

    /// <summary>Console errors other than the ones the story provokes on purpose (e.g. the browser logging a 409).</summary>
    public static IEnumerable<string> Except(this IEnumerable<string> errors, params string[] expected) =>
        errors.Where(e => !expected.Any(x => e.Contains(x, StringComparison.Ordinal)));

    [GeneratedRegex(@"translate\((-?[\d.]+)px,\s*(-?[\d.]+)px\)")]
    private static partial Regex Translate();
}
