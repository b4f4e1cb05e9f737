using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Application.Ports;

/// <summary>How many dossiers are still running (not completed) on one version of a procedure.</summary>
public sealed record VersionDossierCount(int Version, int Running);

/// <summary>Dossiers still running on a definition version (for migrations and version overviews).</summary>
public interface IRunningDossiers
{
    Task<IReadOnlyList<DossierId>> ListAsync(DefinitionKey definition, int take, CancellationToken cancellationToken);

    /// <summary>
    /// Running dossiers per version of <paramref name="procedure"/>, read from the indexed dossier columns (never
    /// from history); versions without running dossiers are absent.
    /// </summary>
    Task<IReadOnlyList<VersionDossierCount>> CountByVersionAsync(ProcedureId procedure, CancellationToken cancellationToken);
}
