using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Persistence;

/// <summary>Dossiers still running on a definition version (for migrations and version overviews).</summary>
public interface IRunningDossiers
{
    Task<IReadOnlyList<DossierId>> ListAsync(DefinitionKey definition, int take, CancellationToken cancellationToken);

    Task<int> CountAsync(DefinitionKey definition, CancellationToken cancellationToken);
}
