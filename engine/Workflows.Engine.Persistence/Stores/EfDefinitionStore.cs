using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence.Stores;

/// <summary>
/// Definition versions as rows. Revision and status are both concurrency tokens: a draft save racing another
/// save, or racing the publish of that draft, fails instead of overwriting, so a published row never changes.
/// </summary>
internal sealed class EfDefinitionStore(IDbContextFactory<WorkflowsDbContext> contexts) : IDefinitionStore
{
    /// <summary>Conflict messages are read by officials in Vietnam: instants shown in their time (UTC+07:00).</summary>
    private static readonly TimeSpan DisplayOffset = TimeSpan.FromHours(7);

    public async Task<StoredDefinition?> FindAsync(DefinitionKey key, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Definitions.AsNoTracking()
            .SingleOrDefaultAsync(d => d.ProcedureId == key.Procedure.Value && d.Version == key.Version, cancellationToken);
        return row is null ? null : DefinitionRows.ToStored(row);
    }

    public async Task<StoredDefinition?> FindLatestPublishedAsync(ProcedureId procedure, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Definitions.AsNoTracking()
            .Where(d => d.ProcedureId == procedure.Value && d.Status == DefinitionStatus.Published)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : DefinitionRows.ToStored(row);
    }

    public async Task<IReadOnlyList<StoredDefinition>> ListVersionsAsync(ProcedureId procedure, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await db.Definitions.AsNoTracking()
            .Where(d => d.ProcedureId == procedure.Value)
            .OrderBy(d => d.Version)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(DefinitionRows.ToStored)];
    }

    public async Task<IReadOnlyList<ProcedureSummary>> ListProceduresAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versions = await db.Definitions.AsNoTracking()
            .Select(d => new { d.ProcedureId, d.Version, d.Status, d.Name })
            .ToListAsync(cancellationToken);

        // Grouped here rather than in SQL: the catalogue is a few hundred rows and the shape stays portable.
        return [.. versions
            .GroupBy(v => v.ProcedureId, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new ProcedureSummary(
                new ProcedureId(g.Key),
                g.MaxBy(v => v.Version)!.Name,
                g.Where(v => v.Status == DefinitionStatus.Published).Max(v => (int?)v.Version),
                g.Where(v => v.Status == DefinitionStatus.Draft).Max(v => (int?)v.Version),
                g.Count()))];
    }

    public async Task<StoredDefinition> SaveDraftAsync(ProcedureDefinition definition, UserId by, DateTimeOffset at, long? expectedRevision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        try
        {
            return await WriteDraftAsync(definition, by, at, expectedRevision, cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            // Lost a race: another save (or the publish) changed this draft between our read and write.
            throw await ConflictAsync(definition.Id, expectedRevision, e, cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Lost the race to create the next version (primary key) - unless no draft exists, in which
            // case the failure is something else and must surface as it is.
            if (await HasDraftAsync(definition.Id, cancellationToken))
            {
                throw await ConflictAsync(definition.Id, expectedRevision, e, cancellationToken);
            }

            throw;
        }
    }

    public async Task<StoredDefinition> PublishAsync(DefinitionKey key, UserId by, DateTimeOffset at, string? changeNote, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Definitions.SingleOrDefaultAsync(d => d.ProcedureId == key.Procedure.Value && d.Version == key.Version, cancellationToken);
        if (row is null || row.Status != DefinitionStatus.Draft)
        {
            throw new DefinitionNotDraftException(row is null
                ? $"{key} does not exist, so it cannot be published."
                : $"{key} is {KebabEnumConverter<DefinitionStatus>.Format(row.Status)}, not a draft: only a draft can be published, and published versions never change.");
        }

        row.Status = DefinitionStatus.Published;
        row.PublishedAt = at;
        row.PublishedBy = by.Value;
        row.ChangeNote = changeNote;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConcurrencyConflictException(
                $"The draft {key} changed while it was being published; nothing was published. Review the latest revision and publish again.", e);
        }

        return DefinitionRows.ToStored(row);
    }

    private async Task<StoredDefinition> WriteDraftAsync(ProcedureDefinition definition, UserId by, DateTimeOffset at, long? expectedRevision, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var procedure = definition.Id.Value;
        var draft = await db.Definitions
            .Where(d => d.ProcedureId == procedure && d.Status == DefinitionStatus.Draft)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);

        // Revisions start at 1, so expecting 0 means "I am starting a new draft": a conflict if one exists.
        if (expectedRevision is { } expected && expected != (draft?.Revision ?? 0))
        {
            throw await ConflictAsync(definition.Id, expectedRevision, inner: null, cancellationToken);
        }

        if (draft is null)
        {
            var highest = await db.Definitions.Where(d => d.ProcedureId == procedure).MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
            draft = new DefinitionRow
            {
                ProcedureId = procedure,
                Version = highest + 1,
                Name = definition.Name,
                Status = DefinitionStatus.Draft,
                Definition = "",
                Revision = 0,
                CreatedAt = at,
                CreatedBy = by.Value,
                UpdatedBy = by.Value,
            };
            db.Definitions.Add(draft);
        }

        draft.Name = definition.Name;
        draft.Definition = DefinitionJson.Serialize(definition with { Version = draft.Version });
        draft.Revision++;
        draft.UpdatedAt = at;
        draft.UpdatedBy = by.Value;
        await db.SaveChangesAsync(cancellationToken);
        return DefinitionRows.ToStored(draft);
    }

    private async Task<bool> HasDraftAsync(ProcedureId procedure, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Definitions.AnyAsync(d => d.ProcedureId == procedure.Value && d.Status == DefinitionStatus.Draft, cancellationToken);
    }

    /// <summary>Explains the conflict with who saved last and when, so the analyst knows whom to talk to.</summary>
    private async Task<ConcurrencyConflictException> ConflictAsync(ProcedureId procedure, long? expectedRevision, Exception? inner, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.Definitions.AsNoTracking()
            .Where(d => d.ProcedureId == procedure.Value)
            .OrderByDescending(d => d.Version)
            .FirstOrDefaultAsync(cancellationToken);
        var yours = expectedRevision is { } r ? string.Create(CultureInfo.InvariantCulture, $" after you opened revision {r}") : "";
        var message = latest switch
        {
            { Status: DefinitionStatus.Draft } => string.Create(CultureInfo.InvariantCulture,
                $"The draft of {procedure} v{latest.Version} was saved by {latest.UpdatedBy} at {Display(latest.UpdatedAt)} (revision {latest.Revision}){yours}. Nothing was saved: reload the draft and reapply your changes."),
            { PublishedBy: not null } => string.Create(CultureInfo.InvariantCulture,
                $"{procedure} v{latest.Version} was published by {latest.PublishedBy} at {Display(latest.PublishedAt!.Value)}{yours}; there is no draft to update. Nothing was saved: start a new draft from the published version."),
            _ => $"There is no draft of {procedure}{yours}. Nothing was saved: start a new draft.",
        };
        return inner is null ? new ConcurrencyConflictException(message) : new ConcurrencyConflictException(message, inner);
    }

    private static string Display(DateTimeOffset instant) =>
        instant.ToOffset(DisplayOffset).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
}
