using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Application.Ports;

/// <summary>
/// Versioned procedure definitions. A procedure has at most one draft (the version after the highest
/// published one); publishing freezes it. Published versions are never changed or deleted.
/// </summary>
public interface IDefinitionStore
{
    Task<StoredDefinition?> FindAsync(DefinitionKey key, CancellationToken cancellationToken);

    Task<StoredDefinition?> FindLatestPublishedAsync(ProcedureId procedure, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(ProcedureId procedure, CancellationToken cancellationToken);

    Task<IReadOnlyList<ProcedureSummary>> ListProceduresAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Creates the procedure's draft (numbered after its highest version) or replaces the existing draft.
    /// The definition's own version number is ignored.
    /// </summary>
    /// <param name="expectedRevision">The draft revision the editor started from; 0 to start a new draft (a conflict if one exists); null to create or overwrite unconditionally.</param>
    /// <exception cref="ConcurrencyConflictException">The draft changed since <paramref name="expectedRevision"/>.</exception>
    Task<StoredDefinition> SaveDraftAsync(ProcedureDefinition definition, UserId by, DateTimeOffset at, long? expectedRevision, CancellationToken cancellationToken);

    /// <summary>Freezes the draft <paramref name="key"/> as published. The caller has validated it.</summary>
    /// <exception cref="DefinitionNotDraftException">The version does not exist or is not a draft.</exception>
    /// <exception cref="ConcurrencyConflictException">The draft was saved again while it was being published.</exception>
    Task<StoredDefinition> PublishAsync(DefinitionKey key, UserId by, DateTimeOffset at, string? changeNote, CancellationToken cancellationToken);
}
