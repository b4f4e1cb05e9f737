using System.Text.Json;
using Microsoft.Extensions.Options;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;

namespace Workflows.Api.Infrastructure;

/// <summary>
/// Seeds the embedded default so a new user sees a working product: the demo unit tree and officials,
/// and the sample procedures published. Idempotent, so it runs on every start.
/// </summary>
public sealed class DemoSeeder(IOptions<SeedOptions> options, IDirectory directory, ProcedureCatalog catalog, ILogger<DemoSeeder> logger)
{
    private static readonly UserId Seeder = Actor.SystemUser;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DemoDirectory)
        {
            var demo = JsonSerializer.Deserialize<DemoDirectory>(
                await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Seed", "demo-directory.json"), cancellationToken),
                WorkflowJson.Options)!;
            await directory.UpsertAsync(demo.Units, demo.Users, cancellationToken);
        }

        if (options.Value.Procedures)
        {
            await PublishSamplesAsync(cancellationToken);
        }
    }

    private async Task PublishSamplesAsync(CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(options.Value.ProceduresPath, AppContext.BaseDirectory);
        if (!Directory.Exists(root))
        {
            logger.LogWarning("No sample procedures folder at {Folder}; nothing seeded.", root);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(root, "definition.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var outcome = await catalog.ImportAndPublishAsync(await File.ReadAllTextAsync(file, cancellationToken), Seeder, "Sample procedure shipped with Workflows", cancellationToken);
            if (outcome is CatalogRefused refused)
            {
                // A broken sample must not keep the product from starting; it is reported instead.
                logger.LogError("Sample procedure {File} was not published: {Message} {Problems}", file, refused.Message, string.Join("; ", refused.Problems));
            }
        }
    }

    private sealed record DemoDirectory(List<UnitRecord> Units, List<UserRecord> Users);
}
