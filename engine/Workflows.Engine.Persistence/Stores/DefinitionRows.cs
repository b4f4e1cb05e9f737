using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

internal static class DefinitionRows
{
    public static StoredDefinition ToStored(DefinitionRow row)
    {
        var parsed = DefinitionJson.Parse(row.Definition);
        var definition = parsed.Definition
            ?? throw new InvalidOperationException(
                $"Stored definition {row.ProcedureId} v{row.Version} no longer parses: {string.Join(" ", parsed.Problems.Select(p => p.Message))}");

        // The row's version is authoritative; the document's copy is only informative.
        return new StoredDefinition(definition with { Version = row.Version }, row.Status, row.Revision, row.CreatedAt, new UserId(row.CreatedBy))
        {
            UpdatedAt = row.UpdatedAt,
            UpdatedBy = new UserId(row.UpdatedBy),
            PublishedAt = row.PublishedAt,
            PublishedBy = row.PublishedBy is null ? null : new UserId(row.PublishedBy),
            ChangeNote = row.ChangeNote,
        };
    }
}
