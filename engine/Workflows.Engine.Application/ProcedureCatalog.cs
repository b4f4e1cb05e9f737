using System.Collections.Immutable;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Application;

/// <summary>What became of a catalogue change: the stored version, or why nothing was stored.</summary>
public abstract record CatalogOutcome;

public sealed record CatalogDone(StoredDefinition Definition, ImmutableArray<ValidationProblem> Warnings) : CatalogOutcome;

/// <param name="Problems">For invalid definitions: every located problem.</param>
public sealed record CatalogRefused(string Code, string Message, ImmutableArray<ValidationProblem> Problems) : CatalogOutcome;

/// <summary>
/// Import, validate and publish definitions. Drafts may be saved with problems (analysts save work in
/// progress), but only a definition without errors can be published, and a published version never changes.
/// </summary>
public sealed class ProcedureCatalog(IDefinitionStore definitions, IDirectory directory, TimeProvider clock, IEnumerable<IDefinitionCheck>? checks = null)
{
    private readonly IDefinitionCheck[] hostChecks = checks?.ToArray() ?? [];

    /// <summary>Reads and validates a definition file without storing anything.</summary>
    public async Task<(ProcedureDefinition? Definition, ImmutableArray<ValidationProblem> Problems)> CheckAsync(string json, CancellationToken cancellationToken)
    {
        var parsed = DefinitionJson.Parse(json);
        if (parsed.Definition is null)
        {
            return (null, parsed.Problems);
        }

        return (parsed.Definition, await ValidateAsync(parsed.Definition, cancellationToken));
    }

    /// <summary>Stores a definition file as the procedure's draft (creating the procedure if new).</summary>
    public async Task<CatalogOutcome> SaveDraftAsync(string json, UserId by, long? expectedRevision, CancellationToken cancellationToken)
    {
        var (definition, problems) = await CheckAsync(json, cancellationToken);
        if (definition is null)
        {
            return new CatalogRefused(RuntimeRejections.InvalidDefinition, "The definition file could not be read; fix the problems listed.", problems);
        }

        try
        {
            var stored = await definitions.SaveDraftAsync(definition, by, clock.VietnamNow(), expectedRevision, cancellationToken);
            return new CatalogDone(stored, problems);
        }
        catch (ConcurrencyConflictException e)
        {
            return new CatalogRefused(RuntimeRejections.DraftConflict, e.Message, []);
        }
    }

    /// <summary>Publishes a draft after validating it again (the unit directory may have changed since it was saved).</summary>
    public async Task<CatalogOutcome> PublishAsync(DefinitionKey key, UserId by, string? changeNote, CancellationToken cancellationToken)
    {
        var stored = await definitions.FindAsync(key, cancellationToken);
        if (stored is null)
        {
            return new CatalogRefused(RuntimeRejections.DefinitionNotFound, $"There is no version {key.Version} of procedure '{key.Procedure}'.", []);
        }

        if (stored.Status != DefinitionStatus.Draft)
        {
            return new CatalogRefused(RuntimeRejections.NotADraft, $"Version {key.Version} of '{key.Procedure}' is already {stored.Status.ToString().ToLowerInvariant()}; published versions never change. Save a new draft instead.", []);
        }

        var problems = await ValidateAsync(stored.Definition, cancellationToken);
        var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
        if (errors > 0)
        {
            return new CatalogRefused(RuntimeRejections.InvalidDefinition, $"Version {key.Version} of '{key.Procedure}' has {errors} error(s); fix them before publishing.", problems);
        }

        try
        {
            var published = await definitions.PublishAsync(key, by, clock.VietnamNow(), changeNote, cancellationToken);
            return new CatalogDone(published, problems);
        }
        catch (DefinitionNotDraftException e)
        {
            return new CatalogRefused(RuntimeRejections.NotADraft, e.Message, []);
        }
    }

    /// <summary>
    /// Saves and publishes in one go (seeding, CLI publish). A file identical to the latest published
    /// version publishes nothing, so seeding on every start does not pile up versions.
    /// </summary>
    public async Task<CatalogOutcome> ImportAndPublishAsync(string json, UserId by, string? changeNote, CancellationToken cancellationToken)
    {
        var (incoming, problems) = await CheckAsync(json, cancellationToken);
        if (incoming is null || problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            // Nothing is stored: a draft nobody will edit would only clutter the catalogue.
            return new CatalogRefused(RuntimeRejections.InvalidDefinition, $"The definition has {problems.Count(p => p.Severity == ProblemSeverity.Error)} error(s); fix them before publishing.", problems);
        }

        if (await definitions.FindLatestPublishedAsync(incoming.Id, cancellationToken) is { } latest
            && DefinitionJson.Serialize(latest.Definition with { Version = 0 }) == DefinitionJson.Serialize(incoming with { Version = 0 }))
        {
            return new CatalogDone(latest, []);
        }

        var saved = await SaveDraftAsync(json, by, expectedRevision: null, cancellationToken);
        return saved is CatalogDone done
            ? await PublishAsync(done.Definition.Key, by, changeNote, cancellationToken)
            : saved;
    }

    private async Task<ImmutableArray<ValidationProblem>> ValidateAsync(ProcedureDefinition definition, CancellationToken cancellationToken)
    {
        var report = DefinitionValidator.Validate(definition, await KnownUnitsAsync(cancellationToken));
        return [.. report.Problems, .. hostChecks.SelectMany(c => c.Check(definition))];
    }

    private async Task<IReadOnlySet<UnitId>?> KnownUnitsAsync(CancellationToken cancellationToken)
    {
        var units = await directory.ListUnitsAsync(cancellationToken);
        return units.Count == 0 ? null : units.Select(u => u.Id).ToHashSet();
    }
}
