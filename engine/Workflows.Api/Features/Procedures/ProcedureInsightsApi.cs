using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;

namespace Workflows.Api.Features.Procedures;

/// <summary>Read-only facts about a procedure that the designer shows beside its versions.</summary>
public static class ProcedureInsightsApi
{
    public static IEndpointRouteBuilder MapProcedureInsightsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/procedures").WithTags("Procedures");

        api.MapGet("/{procedureId}/running-dossiers", RunningDossiers);
        return app;
    }

    /// <summary>Running (not completed) dossiers per version; versions with none are listed with 0.</summary>
    public static async Task<Results<Ok<List<VersionDossierCount>>, ProblemHttpResult>> RunningDossiers(
        string procedureId, IDefinitionStore definitions, IRunningDossiers running, CancellationToken ct)
    {
        if (!ProcedureId.TryParse(procedureId, out var id) || await definitions.ListVersionsAsync(id, ct) is not { Count: > 0 } versions)
        {
            return Problems.NotFound(RuntimeRejections.DefinitionNotFound, $"There is no procedure '{procedureId}'.");
        }

        var counts = (await running.CountByVersionAsync(id, ct)).ToDictionary(c => c.Version, c => c.Running);
        return TypedResults.Ok(versions
            .Select(v => new VersionDossierCount(v.Key.Version, counts.GetValueOrDefault(v.Key.Version)))
            .OrderBy(c => c.Version)
            .ToList());
    }
}
