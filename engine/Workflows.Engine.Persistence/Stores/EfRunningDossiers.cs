using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Persistence.Stores;

internal sealed class EfRunningDossiers(IDbContextFactory<WorkflowsDbContext> contexts) : IRunningDossiers
{
    public async Task<IReadOnlyList<DossierId>> ListAsync(DefinitionKey definition, int take, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var ids = await Running(db, definition).OrderBy(d => d.SubmittedAt).Select(d => d.Id).Take(take).ToListAsync(cancellationToken);
        return [.. ids.Select(id => new DossierId(id))];
    }

    public async Task<int> CountAsync(DefinitionKey definition, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await Running(db, definition).CountAsync(cancellationToken);
    }

    private static IQueryable<Model.DossierRow> Running(WorkflowsDbContext db, DefinitionKey definition) =>
        db.Dossiers.AsNoTracking().Where(d =>
            d.ProcedureId == definition.Procedure.Value && d.DefinitionVersion == definition.Version && d.CompletedAt == null);
}
