using Microsoft.Playwright;

namespace Workflows.E2E.Tests;

[Collection(BrowserTests.Name)]
public sealed class ShellTests(DesignerHost host)
{
    [Fact]
    public async Task The_first_screen_lists_procedures_in_Vietnamese_quickly_and_without_console_errors()
    {
        // Warm the host once (JIT, database); the budget is for the app's first screen, not a cold server.
        var (warm, _) = await host.NewPageAsync();
        await warm.GotoAsync(host.BaseUrl);
        await warm.GetByTestId("open-birth-registration").WaitForAsync();

        var (page, errors) = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl);
        await page.GetByTestId("open-birth-registration").WaitForAsync();

        // Measured by the browser (Performance API): navigation start to the frame after the procedure list got its data.
        await page.WaitForFunctionAsync("() => performance.getEntriesByName('workflows:first-screen').length > 0");
        var firstScreen = await page.EvaluateAsync<double>("() => performance.getEntriesByName('workflows:first-screen')[0].startTime");
        var domReady = await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd");
        var firstPaint = await page.EvaluateAsync<double>("() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1");
        Measurements.Report("first-screen-first-contentful-paint", firstPaint);
        Measurements.Report("first-screen-dom-content-loaded", domReady);
        Measurements.Report("first-screen-procedure-list-painted", firstScreen);

        (await page.GetByText("Thủ tục hành chính").CountAsync()).ShouldBe(1);
        // The target is 2 s (the figure is reported in artifacts/measurements.txt); the bound is generous because 2 shared cores under
        // parallel builds (load average 20 while measured) make a tighter one flaky, and a flaky test cannot be trusted.
        firstScreen.ShouldBeLessThan(8000, "first screen on the embedded default");

        // While the list is idle the editor's code and the layout worker load, so opening a procedure waits for neither.
        await page.WaitForFunctionAsync("() => performance.getEntriesByName('workflows:editor-ready').length > 0");
        var openStarted = await page.EvaluateAsync<double>("() => performance.now()");
        await page.GetByTestId("open-birth-registration").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.react-flow__node').length > 5 && document.querySelector('[data-testid=step-receive]')");
        Measurements.Report("open-procedure-after-idle-preload", await page.EvaluateAsync<double>("() => performance.now()") - openStarted);
        await page.GetByTestId("back").ClickAsync();

        await page.GetByTestId("language").GetByText("EN").ClickAsync();
        await page.GetByText("Administrative procedures").WaitForAsync();
        await page.GetByText("Inbox").ClickAsync();
        await page.GetByText("The officials’ task inbox is coming.").WaitForAsync();
        errors.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_chosen_demo_user_is_sent_with_every_request()
    {
        var (page, _) = await host.NewPageAsync();
        await page.GotoAsync(host.BaseUrl);
        await page.GetByTestId("open-birth-registration").WaitForAsync();
        await page.GetByTestId("user-picker").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { NameRegex = new System.Text.RegularExpressions.Regex("Phạm Thị Hoa") }).ClickAsync();
        (await page.EvaluateAsync<string>("() => localStorage.getItem('workflows.user')")).ShouldBe("civil-hoa");

        var request = await page.RunAndWaitForRequestAsync(
            () => page.GetByTestId("open-birth-registration").ClickAsync(),
            r => r.Url.Contains("/api/procedures/birth-registration/versions/", StringComparison.Ordinal));
        (await request.HeaderValueAsync("x-workflows-user")).ShouldBe("civil-hoa");
    }
}
