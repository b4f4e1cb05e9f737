using Workflows.Engine.Identity;

namespace Workflows.Engine.Application.Ports;

/// <summary>What a stored result revision is: the unsigned draft, the leader-signed result, or the sealed e-result.</summary>
public enum ResultDocumentKind
{
    Draft,
    Approved,
    Sealed,
}

public sealed record StoredResultDocument(
    DossierId Dossier,
    int Revision,
    ResultDocumentKind Kind,
    UnitId Unit,
    string? Number,
    byte[] Pdf,
    string Sha256,
    UserId CreatedBy,
    DateTimeOffset CreatedAt);

/// <summary>The result PDFs of dossiers, every revision kept (append-only).</summary>
public interface IResultDocumentStore
{
    Task<StoredResultDocument?> LatestAsync(DossierId dossier, CancellationToken cancellationToken);

    /// <summary>Sealed results carrying <paramref name="number"/> (numbers are unique per unit and register, not globally).</summary>
    Task<IReadOnlyList<StoredResultDocument>> FindByNumberAsync(string number, CancellationToken cancellationToken);

    /// <summary>Adds a revision; false when that revision number was taken meanwhile (nothing written).</summary>
    Task<bool> AddAsync(StoredResultDocument document, CancellationToken cancellationToken);
}
