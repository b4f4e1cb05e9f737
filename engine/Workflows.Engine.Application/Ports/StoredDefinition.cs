using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Application.Ports;

/// <summary>A definition version as stored, with who made and published it.</summary>
/// <param name="Revision">Increments on every draft save; a save naming an older revision is a conflicting edit.</param>
public sealed record StoredDefinition(
    ProcedureDefinition Definition,
    DefinitionStatus Status,
    long Revision,
    DateTimeOffset CreatedAt,
    UserId CreatedBy)
{
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Who saved the draft last (named in conflict messages).</summary>
    public UserId? UpdatedBy { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public UserId? PublishedBy { get; init; }

    public string? ChangeNote { get; init; }

    public DefinitionKey Key => Definition.Key;
}

/// <summary>One procedure in the catalogue: its latest draft and published versions.</summary>
public sealed record ProcedureSummary(ProcedureId Id, string Name, int? LatestPublishedVersion, int? DraftVersion, int VersionCount);
