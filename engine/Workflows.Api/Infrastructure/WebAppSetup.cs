using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Workflows.Api.Infrastructure;

/// <summary>
/// Serves the web app (designer/, built into wwwroot next to the binaries by the project's BuildDesigner target)
/// with a fallback to index.html for client-side routes. API, OpenAPI and health paths never fall back, so an
/// unknown API route stays a 404 problem instead of an HTML page.
/// </summary>
public static class WebAppSetup
{
    private const string ClientRoutes = "{*path:nonfile:regex(^(?!api/|api$|openapi/|health/).*$)}";

    public static WebApplication UseWorkflowsWebApp(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            // Built with -p:BuildDesigner=false (or no Node.js): the API still works and "/" shows its reference.
            app.MapGet("/", () => Results.Redirect("/api-docs")).ExcludeFromDescription();
            return app;
        }

        var files = new PhysicalFileProvider(root);
        var options = new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = ctx => ctx.Context.Response.Headers[HeaderNames.CacheControl] =
                ctx.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal)
                    ? "public, max-age=31536000, immutable" // file names carry a content hash
                    : "no-cache",
        };
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(options);
        app.MapFallbackToFile(ClientRoutes, "index.html", options).ExcludeFromDescription();
        return app;
    }
}
