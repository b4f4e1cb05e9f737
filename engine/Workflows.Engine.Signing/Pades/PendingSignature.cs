using System.Collections.Immutable;
using System.Security.Cryptography.X509Certificates;
using Workflows.Engine.Printing;
using Workflows.Engine.Signing.Pdf;

namespace Workflows.Engine.Signing.Pades;

/// <summary>The server's half of a two-phase signature: the prepared PDF waiting for its CMS, and who may sign it.</summary>
public sealed record PendingSignature(SigningSession Session, PreparedPdf Document, X509Certificate2 Certificate, ImmutableArray<X509Certificate2> Chain, SignatureKind Kind);

/// <summary>
/// Keeps pending signatures between prepare and complete. <see cref="TakeAsync"/> removes what it returns, so a
/// session completes at most once: a replayed completion finds nothing.
/// </summary>
public interface ISigningSessionStore
{
    Task SaveAsync(PendingSignature pending, CancellationToken cancellationToken);

    Task<PendingSignature?> TakeAsync(string sessionId, CancellationToken cancellationToken);
}

public sealed class InMemorySigningSessionStore : ISigningSessionStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, PendingSignature> pending = new(StringComparer.Ordinal);

    public Task SaveAsync(PendingSignature pending, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        this.pending[pending.Session.Id] = pending;
        return Task.CompletedTask;
    }

    public Task<PendingSignature?> TakeAsync(string sessionId, CancellationToken cancellationToken) =>
        Task.FromResult(pending.TryRemove(sessionId, out var found) ? found : null);
}
