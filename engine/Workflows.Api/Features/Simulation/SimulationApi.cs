using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application;
using Workflows.Engine.Calendar;
using Workflows.Engine.Execution;
using Workflows.Engine.Simulation;
using Workflows.Engine.Validation;

namespace Workflows.Api.Features.Simulation;

/// <summary>A definition document (need not be stored) and the scripted dossier to run through it.</summary>
/// <remarks>Both members are nullable because a client can leave either out; the handler says which is missing.</remarks>
public sealed record SimulationRequest(JsonElement? Definition, SimulationScript? Script);

/// <summary>
/// The designer's simulation: runs a scripted dossier through a draft entirely in memory with the host's working
/// calendars, so analysts see the due dates a real dossier would get without touching real data.
/// </summary>
public static class SimulationApi
{
    /// <summary>A script longer than this is a mistake or abuse, not a test dossier.</summary>
    public const int MaxScriptSteps = 500;

    public static IEndpointRouteBuilder MapSimulationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/simulations").WithTags("Simulation");

        api.MapPost("/", Simulate);
        return app;
    }

    public static async Task<Results<Ok<SimulationTrace>, ProblemHttpResult>> Simulate(
        SimulationRequest request, ProcedureCatalog catalog, IWorkingCalendarSource calendars, CancellationToken ct)
    {
        if (request.Definition is not { ValueKind: JsonValueKind.Object } definitionJson)
        {
            return Problems.BadRequest("missing-definition", "The request needs a \"definition\": the procedure definition document (a JSON object) to simulate.");
        }

        if (request.Script is null)
        {
            return Problems.BadRequest("missing-script", "The request needs a \"script\": the unit, actors, submission and commands of the dossier to simulate.");
        }

        if (request.Script.Steps.Count > MaxScriptSteps)
        {
            return Problems.Unprocessable("script-too-long", $"The script has {request.Script.Steps.Count} commands; simulate at most {MaxScriptSteps} at a time.");
        }

        var (definition, problems) = await catalog.CheckAsync(definitionJson.GetRawText(), ct);
        var errors = problems.Where(p => p.Severity == ProblemSeverity.Error).ToImmutableArray();
        if (definition is null || !errors.IsEmpty)
        {
            return Problems.From(new CatalogRefused(RuntimeRejections.InvalidDefinition, "The definition has errors; fix them before simulating.", errors));
        }

        // A new procedure's draft has no version yet; the executor needs a positive one.
        var procedure = ExecutableProcedure.Create(definition with { Version = Math.Max(1, definition.Version) });
        return TypedResults.Ok(new Simulator(calendars).Run(procedure, request.Script));
    }
}
