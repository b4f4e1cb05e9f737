using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Validation;

namespace Workflows.Api.Features.Procedures;

/// <summary>The procedure catalogue: import drafts, validate, publish versions, read versions.</summary>
public static class ProceduresApi
{
    public static IEndpointRouteBuilder MapProceduresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/procedures").WithTags("Procedures");

        api.MapGet("/", ListProcedures);
        api.MapPost("/validate", Validate).Accepts<DefinitionDocument>("application/json");
        api.MapPost("/", ImportDraft).Accepts<DefinitionDocument>("application/json").RequireAuthorization();
        api.MapPut("/{procedureId}/draft", SaveDraft).Accepts<DefinitionDocument>("application/json").RequireAuthorization();
        api.MapGet("/{procedureId}/versions", ListVersions);
        api.MapGet("/{procedureId}/versions/{version:int}", GetVersion);
        api.MapPost("/{procedureId}/versions/{version:int}/publish", Publish).RequireAuthorization();
        return app;
    }

    public static async Task<Ok<List<ProcedureSummaryDto>>> ListProcedures(IDefinitionStore definitions, CancellationToken ct)
    {
        var list = await definitions.ListProceduresAsync(ct);
        return TypedResults.Ok(list.Select(p => new ProcedureSummaryDto(p.Id.Value, p.Name, p.LatestPublishedVersion, p.DraftVersion, p.VersionCount)).ToList());
    }

    /// <summary>Validates a definition document without storing it (the designer's live validation).</summary>
    public static async Task<Ok<ValidationResultDto>> Validate(HttpRequest request, ProcedureCatalog catalog, CancellationToken ct)
    {
        var (_, problems) = await catalog.CheckAsync(await ReadBodyAsync(request, ct), ct);
        return TypedResults.Ok(new ValidationResultDto(
            !problems.Any(p => p.Severity == ProblemSeverity.Error),
            problems.Select(ValidationProblemDto.From).ToList()));
    }

    /// <summary>Stores a definition document as a new draft of its procedure (or replaces the current draft).</summary>
    public static async Task<Results<Created<DraftSavedDto>, ProblemHttpResult>> ImportDraft(HttpRequest request, ProcedureCatalog catalog, CancellationToken ct)
    {
        var outcome = await catalog.SaveDraftAsync(await ReadBodyAsync(request, ct), request.HttpContext.User.ToActor().User, expectedRevision: null, ct);
        return outcome switch
        {
            CatalogDone done => TypedResults.Created(
                $"/api/procedures/{done.Definition.Key.Procedure}/versions/{done.Definition.Key.Version}",
                new DraftSavedDto(DefinitionVersionDto.From(done.Definition), done.Warnings.Select(ValidationProblemDto.From).ToList())),
            _ => Problems.From((CatalogRefused)outcome),
        };
    }

    /// <summary>Saves the draft, refusing if someone saved it since the revision named in If-Match.</summary>
    public static async Task<Results<Ok<DraftSavedDto>, ProblemHttpResult>> SaveDraft(
        string procedureId, HttpRequest request, ProcedureCatalog catalog, [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken ct)
    {
        long? expected = null;
        if (!string.IsNullOrWhiteSpace(ifMatch))
        {
            if (!long.TryParse(ifMatch.Replace("W/", "", StringComparison.Ordinal).Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
            {
                return Problems.BadRequest("invalid-if-match", $"If-Match must be the draft revision you edited, e.g. \"3\"; got {ifMatch}.");
            }

            expected = revision;
        }

        var json = await ReadBodyAsync(request, ct);
        if (DefinitionJson.Parse(json).Definition is { } d && d.Id.Value != procedureId)
        {
            return Problems.Unprocessable("id-mismatch", $"The document is procedure '{d.Id}', but the URL names '{procedureId}'.");
        }

        var outcome = await catalog.SaveDraftAsync(json, request.HttpContext.User.ToActor().User, expected, ct);
        return outcome switch
        {
            CatalogDone done => TypedResults.Ok(new DraftSavedDto(DefinitionVersionDto.From(done.Definition), done.Warnings.Select(ValidationProblemDto.From).ToList())),
            _ => Problems.From((CatalogRefused)outcome),
        };
    }

    public static async Task<Results<Ok<List<DefinitionVersionDto>>, ProblemHttpResult>> ListVersions(string procedureId, IDefinitionStore definitions, CancellationToken ct)
    {
        if (!ProcedureId.TryParse(procedureId, out var id))
        {
            return UnknownProcedure(procedureId);
        }

        var versions = await definitions.ListVersionsAsync(id, ct);
        return versions.Count == 0 ? UnknownProcedure(procedureId) : TypedResults.Ok(versions.Select(DefinitionVersionDto.From).ToList());
    }

    public static async Task<Results<Ok<DefinitionDetailDto>, ProblemHttpResult>> GetVersion(string procedureId, int version, IDefinitionStore definitions, CancellationToken ct)
    {
        if (!ProcedureId.TryParse(procedureId, out var id) || await definitions.FindAsync(new DefinitionKey(id, version), ct) is not { } stored)
        {
            return Problems.NotFound(RuntimeRejections.DefinitionNotFound, $"There is no version {version} of procedure '{procedureId}'.");
        }

        return TypedResults.Ok(new DefinitionDetailDto(DefinitionVersionDto.From(stored), DefinitionDocuments.ToJson(stored.Definition)));
    }

    public static async Task<Results<Ok<DefinitionVersionDto>, ProblemHttpResult>> Publish(
        string procedureId, int version, [FromBody] PublishRequest? body, HttpContext http, ProcedureCatalog catalog, CancellationToken ct)
    {
        if (!ProcedureId.TryParse(procedureId, out var id))
        {
            return UnknownProcedure(procedureId);
        }

        var outcome = await catalog.PublishAsync(new DefinitionKey(id, version), http.User.ToActor().User, body?.ChangeNote, ct);
        return outcome switch
        {
            CatalogDone done => TypedResults.Ok(DefinitionVersionDto.From(done.Definition)),
            _ => Problems.From((CatalogRefused)outcome),
        };
    }

    private static ProblemHttpResult UnknownProcedure(string procedureId) =>
        Problems.NotFound(RuntimeRejections.DefinitionNotFound, $"There is no procedure '{procedureId}'.");

    private static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(ct);
    }
}
