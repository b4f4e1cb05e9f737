using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfRunningDossiers(IDbContextFactory<WorkflowsDbContext> contexts) : IRunningDossiers
{
    public async Task<IReadOnlyList<DossierId>> ListAsync(DefinitionKey definition, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await Running(db, definition.Procedure)
            .Where(d => d.DefinitionVersion == definition.Version)
            .OrderBy(d => d.SubmittedAt)
            .Select(d => d.Id)
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. ids.Select(id => new DossierId(id))];
    }

    public async Task<IReadOnlyList<VersionDossierCount>> CountByVersionAsync(ProcedureId procedure, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Running(db, procedure)
            .GroupBy(d => d.DefinitionVersion)
            .Select(g => new { Version = g.Key, Running = g.Count() })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.Version).Select(r => new VersionDossierCount(r.Version, r.Running))];
    }

    private static IQueryable<Model.DossierRow> Running(WorkflowsDbContext db, ProcedureId procedure) =>
        db.Dossiers.AsNoTracking().Where(d => d.ProcedureId == procedure.Value && d.CompletedAt == null);
}
