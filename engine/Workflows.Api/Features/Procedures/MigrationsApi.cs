using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Api.Features.Procedures;

/// <summary>Running dossiers per version, and explicit migration of running dossiers to a newer version.</summary>
public static class MigrationsApi
{
    public const int MaxDossiersPerMigration = 1000;

    public static IEndpointRouteBuilder MapMigrationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/procedures/{procedureId}/versions/{version:int}").WithTags("Procedures");

        api.MapGet("/running", Running);
        api.MapPost("/migrations", Migrate).RequireAuthorization();
        return app;
    }

    public static async Task<Results<Ok<RunningDossiersDto>, ProblemHttpResult>> Running(string procedureId, int version, IRunningDossiers running, CancellationToken ct)
    {
        if (!ProcedureId.TryParse(procedureId, out var id))
        {
            return Problems.NotFound(RuntimeRejections.DefinitionNotFound, $"There is no procedure '{procedureId}'.");
        }

        var counts = await running.CountByVersionAsync(id, ct);
        return TypedResults.Ok(new RunningDossiersDto(procedureId, version, counts.FirstOrDefault(c => c.Version == version)?.Running ?? 0));
    }

    /// <summary>
    /// Moves the running dossiers of <c>fromVersion</c> (all, or those listed) to this version. Each dossier
    /// moves or stays on its own: the answer lists what happened to each, with the reason when one could not move.
    /// </summary>
    public static async Task<Results<Ok<MigrationResultDto>, ProblemHttpResult>> Migrate(
        string procedureId, int version, MigrationRequest request, HttpContext http, WorkflowRuntime runtime, IRunningDossiers running, CancellationToken ct)
    {
        if (!ProcedureId.TryParse(procedureId, out var id))
        {
            return Problems.NotFound(RuntimeRejections.DefinitionNotFound, $"There is no procedure '{procedureId}'.");
        }

        var mapping = new Dictionary<StepId, StepId>();
        foreach (var (from, to) in request.Mapping ?? [])
        {
            if (!Slug.IsValid(from) || !Slug.IsValid(to))
            {
                return Problems.Unprocessable("invalid-mapping", $"The mapping '{from}' → '{to}' does not name two step ids.");
            }

            mapping[new StepId(from)] = new StepId(to);
        }

        IReadOnlyList<DossierId> dossiers;
        if (request.Dossiers is { Count: > 0 } listed)
        {
            var parsed = new List<DossierId>();
            foreach (var text in listed)
            {
                if (!DossierId.TryParse(text, out var dossier))
                {
                    return Problems.Unprocessable("invalid-dossier", $"'{text}' is not a dossier id.");
                }

                parsed.Add(dossier);
            }

            dossiers = parsed;
        }
        else
        {
            dossiers = await running.ListAsync(new DefinitionKey(id, request.FromVersion), MaxDossiersPerMigration, ct);
        }

        var results = new List<MigratedDossierDto>();
        foreach (var dossier in dossiers)
        {
            var outcome = await runtime.MigrateAsync(dossier, new DefinitionKey(id, version), mapping, http.User.ToActor(), ct);
            results.Add(outcome is CommandRejected refused
                ? new MigratedDossierDto(dossier.ToString(), false, refused.Rejection.Message)
                : new MigratedDossierDto(dossier.ToString(), true, null));
        }

        return TypedResults.Ok(new MigrationResultDto(results.Count(r => r.Migrated), results.Count(r => !r.Migrated), results));
    }
}

public sealed record RunningDossiersDto(string Procedure, int Version, int Running);

/// <param name="Mapping">Old step id → new step id, for waiting steps whose id changed (same ids map to themselves).</param>
public sealed record MigrationRequest(int FromVersion, Dictionary<string, string>? Mapping, List<string>? Dossiers);

public sealed record MigratedDossierDto(string Dossier, bool Migrated, string? Problem);

public sealed record MigrationResultDto(int Migrated, int Refused, IReadOnlyList<MigratedDossierDto> Dossiers);
