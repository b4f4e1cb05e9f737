using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application;

namespace Workflows.Api.Features.Dossiers;

/// <summary>The one answer to a command on a dossier: its new view, or the rejection as a ProblemDetails.</summary>
internal static class DossierResults
{
    public static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> FromAsync(CommandOutcome outcome, ExecutableProcedureCache procedures, CancellationToken ct) =>
        outcome switch
        {
            CommandAccepted done => TypedResults.Ok(DossierDto.From(done.State, await procedures.FindAsync(done.State.Definition, ct))),
            CommandRejected refused => Problems.From(refused.Rejection),
            _ => throw new InvalidOperationException("Unknown command outcome."),
        };
}
