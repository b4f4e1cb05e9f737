using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Workflows.Api.Infrastructure;

public static class ShippedSettings
{
    /// <summary>
    /// The one shipped appsettings.json lives at the repository root and is copied next to the binaries.
    /// `dotnet run` uses the project folder as content root, where it is not, so read it from the binaries'
    /// folder as the first (lowest-precedence) source: environment variables and arguments still override it.
    /// </summary>
    public static WebApplicationBuilder AddShippedSettings(this WebApplicationBuilder builder)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(file) && !File.Exists(Path.Combine(builder.Environment.ContentRootPath, "appsettings.json")))
        {
            var source = new JsonConfigurationSource
            {
                FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                Path = "appsettings.json",
                Optional = false,
                ReloadOnChange = false,
            };
            builder.Configuration.Sources.Insert(0, source);
        }

        return builder;
    }
}
