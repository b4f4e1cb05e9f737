using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Workflows.Tests.Shared;

namespace Workflows.Api.Tests;

/// <summary>
/// The OpenAPI document is read by other tools (client generators, the web app's typed client), so it is
/// checked by an independent validator (swagger-parser, in tests/openapi-validator), not by our own code.
/// </summary>
public sealed class OpenApiDocumentTests : IAsyncLifetime
{
    private readonly string root = Directory.CreateTempSubdirectory("workflows-openapi-").FullName;
    private WorkflowsApiFactory? factory;

    public ValueTask InitializeAsync()
    {
        factory = new WorkflowsApiFactory("Sqlite", $"Data Source={Path.Combine(root, "w.db")}");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task The_openapi_document_passes_an_independent_validator()
    {
        var validator = Path.Combine(RepositoryRoot.Path, "tests", "openapi-validator");
        if (!CanRun("node", "--version"))
        {
            OutsideTool.Missing("Node.js is not installed; the OpenAPI document cannot be checked by swagger-parser (apt-get install -y nodejs npm).");
        }

        if (!Directory.Exists(Path.Combine(validator, "node_modules")))
        {
            (await RunAsync("npm", "ci --no-audit --no-fund", validator)).ExitCode.ShouldBe(0, "npm ci in tests/openapi-validator failed");
        }

        var document = Path.Combine(root, "openapi.json");
        await File.WriteAllTextAsync(document, await factory!.ClientFor(null).GetStringAsync("/openapi/v1.json"));

        var (exitCode, output) = await RunAsync("node", $"validate.mjs \"{document}\"", validator);

        exitCode.ShouldBe(0, output);
        output.ShouldContain("valid: Workflows API");
    }

    private static bool CanRun(string file, string arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }
}
