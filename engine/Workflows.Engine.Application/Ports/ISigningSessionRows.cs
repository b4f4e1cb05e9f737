namespace Workflows.Engine.Application.Ports;

/// <summary>
/// A prepared two-phase signature as stored between prepare and complete: the prepared PDF waiting for its CMS, what
/// the token must sign, the signer's certificate, and which task and outcome it completes. Stored in the database so
/// a session survives a restart and can be completed on another host.
/// </summary>
/// <param name="Context">The adapter's dossier context (task, outcome, draft bytes…) as JSON; opaque here.</param>
public sealed record StoredSigningSession(
    string Id,
    string TaskId,
    string Signer,
    string Outcome,
    byte[] PreparedPdf,
    string PreparedLayout,
    byte[] SignedAttributes,
    byte[] DigestToSign,
    byte[] DocumentDigest,
    byte[] Certificate,
    string Chain,
    string Context,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt);

/// <summary>Two-phase signing sessions; a session is consumed at most once, so a replayed completion finds nothing.</summary>
public interface ISigningSessionRows
{
    /// <summary>Stores a new session and forgets sessions that expired before <paramref name="now"/>.</summary>
    Task AddAsync(StoredSigningSession session, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The session if it is not consumed yet (expired ones too: the signing service says "expired").</summary>
    Task<StoredSigningSession?> FindOpenAsync(string id, CancellationToken cancellationToken);

    /// <summary>Marks the session consumed; false when another request (or host) consumed it first.</summary>
    Task<bool> ConsumeAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);
}
