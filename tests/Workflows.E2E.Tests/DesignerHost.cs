using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Workflows.Tests.Shared;

namespace Workflows.E2E.Tests;

/// <summary>
/// The real host on Kestrel (a browser cannot reach TestServer) on a random loopback port with a throwaway
/// SQLite file, serving the built web app, plus one headless Debian chromium driven by Playwright.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<DesignerHost>
{
    public const string Name = "browser";
}

public sealed class DesignerHost : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"workflows-e2e-{Guid.NewGuid():N}");
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser? Browser { get; private set; }

    /// <summary>Why the tests cannot run here (no chromium, or the web app not built), or null; each test then skips, or fails under WORKFLOWS_REQUIRE_TOOLS=1.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>
    /// Where screenshots go: a scratch folder under the test output by default (a test run must not dirty the
    /// working tree), docs/images only when WORKFLOWS_UPDATE_SCREENSHOTS=1 asks to refresh the README's pictures.
    /// </summary>
    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("WORKFLOWS_UPDATE_SCREENSHOTS") == "1"
            ? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "docs", "images"))
            : ArtifactDirectory;

    /// <summary>Test output that is not part of the repository: screenshots and measured figures.</summary>
    public static string ArtifactDirectory => Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            Unavailable = $"{Chromium} is missing: install Debian's chromium (apt-get install -y chromium) to run the browser tests.";
            return;
        }

        if (!File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "index.html")))
        {
            Unavailable = "The web app was not built into wwwroot (built with -p:BuildDesigner=false, or no Node.js).";
            return;
        }

        Directory.CreateDirectory(directory);
        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Database:Provider", "Sqlite");
            b.UseSetting("Urls", "http://127.0.0.1:0");
            b.UseSetting("ConnectionStrings:Workflows", $"Data Source={Path.Combine(directory, "workflows.db")}");
        });
        factory.UseKestrel();
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context at 1366×768 (fresh localStorage), collecting console errors.</summary>
    public async Task<(IPage Page, List<string> ConsoleErrors)> NewPageAsync()
    {
        if (Unavailable is not null)
        {
            OutsideTool.Missing(Unavailable);
        }

        var context = await Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 }, Locale = "vi-VN" });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        page.SetDefaultTimeout(15_000);
        return (page, errors);
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly on some systems; the temp folder is cleaned by the OS.
        }
    }
}
