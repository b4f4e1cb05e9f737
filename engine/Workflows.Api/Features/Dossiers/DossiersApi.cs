using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;

namespace Workflows.Api.Features.Dossiers;

/// <summary>Dossiers: submit one, read it with its history.</summary>
public static class DossiersApi
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static IEndpointRouteBuilder MapDossiersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dossiers").WithTags("Dossiers").RequireAuthorization();

        api.MapPost("/", Submit);
        api.MapGet("/{dossierId}", Get);
        api.MapGet("/{dossierId}/history", History);
        api.MapPost("/{dossierId}/withdraw", Withdraw);
        api.MapPost("/{dossierId}/stop", Stop);
        api.MapPost("/{dossierId}/comments", Comment);
        return app;
    }

    /// <summary>
    /// Submits a dossier. With an Idempotency-Key header a retried request returns the dossier the first
    /// request created (200) instead of creating another; the same key with a different body is refused.
    /// </summary>
    public static async Task<Results<Created<DossierDto>, Ok<DossierDto>, ProblemHttpResult>> Submit(
        SubmitDossierRequest request,
        [FromHeader(Name = IdempotencyHeader)] string? idempotencyKey,
        HttpContext http,
        [AsParameters] DossierServices services,
        CancellationToken ct)
    {
        if (!ProcedureId.TryParse(request.Procedure, out var procedure))
        {
            return Problems.Unprocessable("invalid-procedure", $"'{request.Procedure}' is not a procedure id; GET /api/procedures lists them.");
        }

        if (!UnitId.TryParse(request.Unit, out var unit) || !(await services.Directory.ListUnitsAsync(ct)).Any(u => u.Id == unit))
        {
            return Problems.Unprocessable("unknown-unit", $"Unit '{request.Unit}' is not in the unit directory; GET /api/directory/units lists them.");
        }

        SubmissionChannel channel;
        if (request.Channel is null)
        {
            channel = SubmissionChannel.Online;
        }
        else if (!KebabCase.TryParse(request.Channel, out channel))
        {
            return Problems.Unprocessable("invalid-channel", $"Channel '{request.Channel}' is not known; use \"online\" or \"desk\".");
        }

        if (idempotencyKey is { Length: > 200 })
        {
            return Problems.BadRequest("invalid-idempotency-key", "The Idempotency-Key header is longer than 200 characters.");
        }

        var actor = http.User.ToActor();
        var outcome = await services.Runtime.SubmitAsync(
            new WorkflowRuntime.Submission(procedure, request.Version, unit, channel, request.Data ?? [], actor)
            {
                IdempotencyKey = string.IsNullOrWhiteSpace(idempotencyKey) ? null : $"{actor.User}:{idempotencyKey}",
                RequestHash = Hash(request),
            },
            ct);
        if (outcome is CommandRejected refused)
        {
            return Problems.From(refused);
        }

        var done = (CommandAccepted)outcome;
        var dto = DossierDto.From(done.State, await services.Procedures.FindAsync(done.State.Definition, ct));
        return done.Replayed ? TypedResults.Ok(dto) : TypedResults.Created($"/api/dossiers/{dto.Id}", dto);
    }

    public static async Task<Results<Ok<DossierWithHistoryDto>, ProblemHttpResult>> Get(string dossierId, [AsParameters] DossierServices services, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var id) || await services.Dossiers.FindAsync(id, ct) is not { } state)
        {
            return NotFound(dossierId);
        }

        var history = await services.Dossiers.ReadHistoryAsync(id, ct);
        return TypedResults.Ok(new DossierWithHistoryDto(
            DossierDto.From(state, await services.Procedures.FindAsync(state.Definition, ct)),
            history.Select(HistoryEntryDto.From).ToList()));
    }

    public static async Task<Results<Ok<List<HistoryEntryDto>>, ProblemHttpResult>> History(string dossierId, [AsParameters] DossierServices services, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var id) || await services.Dossiers.FindAsync(id, ct) is null)
        {
            return NotFound(dossierId);
        }

        return TypedResults.Ok((await services.Dossiers.ReadHistoryAsync(id, ct)).Select(HistoryEntryDto.From).ToList());
    }

    /// <summary>The applicant (or an official recording their request) withdraws the dossier before its result is ready.</summary>
    public static Task<Results<Ok<DossierDto>, ProblemHttpResult>> Withdraw(string dossierId, ReasonRequest request, HttpContext http, [AsParameters] DossierServices services, CancellationToken ct) =>
        SendAsync(dossierId, new WithdrawDossier(request.Reason ?? "", http.User.ToActor()), services, ct);

    /// <summary>An authorized official stops the dossier, with a reason the applicant will read.</summary>
    public static Task<Results<Ok<DossierDto>, ProblemHttpResult>> Stop(string dossierId, ReasonRequest request, HttpContext http, [AsParameters] DossierServices services, CancellationToken ct) =>
        SendAsync(dossierId, new StopDossier(request.Reason ?? "", http.User.ToActor()), services, ct);

    public static Task<Results<Ok<DossierDto>, ProblemHttpResult>> Comment(string dossierId, CommentRequest request, HttpContext http, [AsParameters] DossierServices services, CancellationToken ct)
    {
        int? step = null;
        if (request.TaskId is not null)
        {
            if (!TaskId.TryParse(request.TaskId, out var task) || task.Dossier.ToString() != dossierId)
            {
                return Task.FromResult<Results<Ok<DossierDto>, ProblemHttpResult>>(Problems.Unprocessable("invalid-task", $"'{request.TaskId}' is not a task of dossier {dossierId}."));
            }

            step = task.StepInstance;
        }

        return SendAsync(dossierId, new AddComment(step, request.Text ?? "", http.User.ToActor()), services, ct);
    }

    private static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> SendAsync(string dossierId, WorkflowCommand command, DossierServices services, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var id))
        {
            return NotFound(dossierId);
        }

        return await DossierResults.FromAsync(await services.Runtime.ExecuteAsync(id, command, ct), services.Procedures, ct);
    }

    private static ProblemHttpResult NotFound(string dossierId) =>
        Problems.NotFound(RejectionCodes.DossierNotFound, $"There is no dossier '{dossierId}'.");

    private static string Hash(SubmitDossierRequest request) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(request with
        {
            Data = request.Data?.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(),
        }, WorkflowJson.Options))));
}

public sealed record ReasonRequest(string? Reason);

public sealed record CommentRequest(string? Text, string? TaskId);

public sealed record DossierServices(WorkflowRuntime Runtime, IDossierStore Dossiers, IDirectory Directory, ExecutableProcedureCache Procedures);
