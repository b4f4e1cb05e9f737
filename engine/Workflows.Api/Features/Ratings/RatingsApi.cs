using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Features.Dossiers;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;

namespace Workflows.Api.Features.Ratings;

/// <summary>The satisfaction rating of a returned dossier (9 criteria scored 0/1/2): give it once, read it back.</summary>
public static class RatingsApi
{
    public static IEndpointRouteBuilder MapRatingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dossiers").WithTags("Ratings").RequireAuthorization();
        api.MapPost("/{dossierId}/rating", Rate);
        api.MapGet("/{dossierId}/ratings", List);
        return app;
    }

    /// <summary>The applicant rates online; a desk officer records the applicant's answers with channel "desk".</summary>
    public static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> Rate(string dossierId, RatingRequest request, HttpContext http, [AsParameters] DossierServices services, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var id))
        {
            return NotFound(dossierId);
        }

        var channel = RatingChannel.Online;
        if (request.Channel is not null && !KebabCase.TryParse(request.Channel, out channel))
        {
            return Problems.Unprocessable(RejectionCodes.InvalidData, $"Rating channel '{request.Channel}' is not known; use online or desk.");
        }

        var command = new RateService([.. request.Scores ?? []], channel, http.User.ToActor());
        return await DossierResults.FromAsync(await services.Runtime.ExecuteAsync(id, command, ct), services.Procedures, ct);
    }

    /// <summary>The dossier's ratings as the indicators will read them (unit, procedure, per-criterion scores, channel, when).</summary>
    public static async Task<Results<Ok<List<RatingDto>>, ProblemHttpResult>> List(string dossierId, [AsParameters] DossierServices services, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var id) || await services.Dossiers.FindAsync(id, ct) is null)
        {
            return NotFound(dossierId);
        }

        var history = await services.Dossiers.ReadHistoryAsync(id, ct);
        return TypedResults.Ok(history
            .Where(e => e.Event is ServiceRated)
            .Select(e => RatingDto.From(e, (ServiceRated)e.Event))
            .ToList());
    }

    private static ProblemHttpResult NotFound(string dossierId) =>
        Problems.NotFound(RejectionCodes.DossierNotFound, $"There is no dossier '{dossierId}'.");
}

/// <param name="Scores">Nine scores in criterion order, each 0, 1 or 2.</param>
/// <param name="Channel">"online" (default) or "desk".</param>
public sealed record RatingRequest(IReadOnlyList<int>? Scores, string? Channel);

public sealed record RatingDto(string Unit, string Procedure, ImmutableArray<int> Scores, int Total, string Channel, string RatedBy, DateTimeOffset RatedAt)
{
    public static RatingDto From(RecordedEvent recorded, ServiceRated rated) =>
        new(rated.Unit.Value, rated.Procedure.Value, rated.Scores, rated.Total, rated.Channel, recorded.Actor.Value, recorded.At);
}
