using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Application.Ports;

/// <summary>Dossier workflow state and its append-only history.</summary>
public interface IDossierStore
{
    Task<InstanceState?> FindAsync(DossierId dossier, CancellationToken cancellationToken);

    /// <summary>Writes one accepted command's change atomically.</summary>
    /// <exception cref="ConcurrencyConflictException">The stored version is not <see cref="DossierChange.ExpectedVersion"/> (or the dossier or idempotency key already exists for a new dossier).</exception>
    Task SaveAsync(DossierChange change, CancellationToken cancellationToken);

    Task<IReadOnlyList<RecordedEvent>> ReadHistoryAsync(DossierId dossier, CancellationToken cancellationToken);

    Task<IdempotencyRecord?> FindIdempotencyAsync(string key, CancellationToken cancellationToken);
}
