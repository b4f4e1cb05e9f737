using System.Text.Json;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;

namespace Workflows.Api.Features.Procedures;

public sealed record ProcedureSummaryDto(string Id, string Name, int? LatestPublishedVersion, int? DraftVersion, int VersionCount);

public sealed record DefinitionVersionDto(
    string Procedure,
    int Version,
    string Name,
    string Status,
    long Revision,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PublishedAt,
    string? PublishedBy,
    string? ChangeNote)
{
    public static DefinitionVersionDto From(StoredDefinition d) => new(
        d.Key.Procedure.Value, d.Key.Version, d.Definition.Name, d.Status.ToString().ToLowerInvariant(), d.Revision,
        d.CreatedAt, d.CreatedBy.Value, d.UpdatedAt, d.PublishedAt, d.PublishedBy?.Value, d.ChangeNote);
}

/// <summary>A version with its definition document (the same JSON as procedures/&lt;id&gt;/definition.json).</summary>
public sealed record DefinitionDetailDto(DefinitionVersionDto Version, JsonElement Definition);

/// <summary>The result of saving a draft: the stored version, plus warnings and errors still to fix before publishing.</summary>
public sealed record DraftSavedDto(DefinitionVersionDto Version, IReadOnlyList<ValidationProblemDto> Problems);

public sealed record ValidationResultDto(bool Valid, IReadOnlyList<ValidationProblemDto> Problems);

public sealed record PublishRequest(string? ChangeNote);

internal static class DefinitionDocuments
{
    public static JsonElement ToJson(ProcedureDefinition definition) =>
        JsonDocument.Parse(DefinitionJson.Serialize(definition)).RootElement.Clone();
}
