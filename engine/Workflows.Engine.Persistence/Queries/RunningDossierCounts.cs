using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Definitions;

namespace Workflows.Engine.Persistence.Queries;

/// <summary>How many dossiers are still running (not completed) on one version of a procedure.</summary>
public sealed record VersionDossierCount(int Version, int Running);

public static class RunningDossierCounts
{
    /// <summary>
    /// Running dossiers per version, read from the indexed dossier columns (never from history), so the designer
    /// can show who would be affected before a version is retired or migrated.
    /// </summary>
    public static async Task<IReadOnlyList<VersionDossierCount>> RunningByVersionAsync(
        this IDbContextFactory<WorkflowsDbContext> contexts, ProcedureId procedure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contexts);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Dossiers.AsNoTracking()
            .Where(d => d.ProcedureId == procedure.Value && d.CompletedAt == null)
            .GroupBy(d => d.DefinitionVersion)
            .Select(g => new { Version = g.Key, Running = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Version).Select(r => new VersionDossierCount(r.Version, r.Running))];
    }
}
