using Workflows.Engine.Identity;

namespace Workflows.Engine.Documents;

/// <summary>
/// A digitized component attached to a dossier: a reference to content stored outside the state (by its
/// SHA-256), with what the desk needs to see in the list. The bytes never enter the core.
/// </summary>
/// <param name="Id">Chosen by the caller (unique within the dossier), so a retried upload can be recognised.</param>
/// <param name="Component">A checklist key, or <see cref="DocumentLimits.OtherComponent"/>.</param>
/// <param name="MediaType">The type found in the content (sniffed), not what the client claimed.</param>
/// <param name="Sha256">Lower-case hex digest of the content; the store's key.</param>
public sealed record Attachment(string Id, string Component, string FileName, string MediaType, long Size, string Sha256)
{
    public DateTimeOffset AttachedAt { get; init; }

    public UserId? AttachedBy { get; init; }

    /// <summary>The task it was attached on (an official's working file), or null for the dossier as a whole.</summary>
    public int? StepInstance { get; init; }
}
