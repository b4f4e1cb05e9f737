using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflows.Api.Features.Dossiers;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;

namespace Workflows.Api.Features.Tasks;

/// <summary>Officials' tasks: list an inbox, claim, release, complete with an outcome.</summary>
public static class TasksApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapTasksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();

        api.MapGet("/", List);
        api.MapPost("/{taskId}/claim", Claim);
        api.MapPost("/{taskId}/release", Release);
        api.MapPost("/{taskId}/complete", Complete);
        api.MapPost("/{taskId}/delegate", Delegate);
        api.MapPost("/{taskId}/return", Return);
        api.MapPost("/bulk/claim", BulkClaim);
        return app;
    }

    /// <summary>
    /// Lists tasks, raised priority first, then soonest due. Without filters: the open tasks of the caller's unit for the
    /// caller's roles (their inbox).
    /// <paramref name="mine"/> keeps only tasks the caller claimed.
    /// </summary>
    public static async Task<Results<Ok<List<TaskDto>>, ProblemHttpResult>> List(
        HttpContext http, ITaskQueries tasks, string? unit, string? role, string? state, string? dossier, bool? mine, int? skip, int? take, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var filter = new TaskFilter
        {
            Unit = actor.Unit,
            Roles = role is null ? actor.Roles : [role],
            Assignee = mine == true ? actor.User : null,
            Skip = Math.Max(0, skip ?? 0),
            Take = Math.Clamp(take ?? 50, 1, MaxPageSize),
        };

        if (unit is not null)
        {
            if (!UnitId.TryParse(unit, out var u))
            {
                return Problems.BadRequest("invalid-unit", $"'{unit}' is not a unit id.");
            }

            filter = filter with { Unit = u };
        }

        if (state is not null)
        {
            if (!KebabCase.TryParse<TaskState>(state, out var s))
            {
                return Problems.BadRequest("invalid-state", $"Task state '{state}' is not known; use open, completed or cancelled.");
            }

            filter = filter with { State = s };
        }

        if (dossier is not null)
        {
            if (!DossierId.TryParse(dossier, out var d))
            {
                return Problems.BadRequest("invalid-dossier", $"'{dossier}' is not a dossier id.");
            }

            // Looking at one dossier shows all its tasks, whoever they are for.
            filter = filter with { Dossier = d, Unit = null, Roles = null };
        }

        return TypedResults.Ok((await tasks.ListAsync(filter, ct)).Select(TaskDto.From).ToList());
    }

    public static Task<Results<Ok<DossierDto>, ProblemHttpResult>> Claim(string taskId, HttpContext http, [AsParameters] TaskServices services, CancellationToken ct) =>
        SendAsync(taskId, services, step => new ClaimTask(step, http.User.ToActor()), ct);

    public static Task<Results<Ok<DossierDto>, ProblemHttpResult>> Release(string taskId, HttpContext http, [AsParameters] TaskServices services, CancellationToken ct) =>
        SendAsync(taskId, services, step => new ReleaseTask(step, http.User.ToActor()), ct);

    public static Task<Results<Ok<DossierDto>, ProblemHttpResult>> Complete(string taskId, CompleteTaskRequest request, HttpContext http, [AsParameters] TaskServices services, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(request.Outcome)
            ? Task.FromResult<Results<Ok<DossierDto>, ProblemHttpResult>>(Problems.Unprocessable(RejectionCodes.UnknownOutcome, "Say which outcome you chose: \"outcome\" is required."))
            : SendAsync(taskId, services, step => new CompleteTask(step, request.Outcome, request.Data ?? [], http.User.ToActor()) { Comment = request.Comment }, ct);

    /// <summary>Hands the task to a colleague of the same unit who holds the step's role.</summary>
    public static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> Delegate(
        string taskId, DelegateTaskRequest request, HttpContext http, IDirectory directory, [AsParameters] TaskServices services, CancellationToken ct)
    {
        if (!UserId.TryParse(request.To, out var to) || await directory.FindUserAsync(to, ct) is not { } colleague)
        {
            return Problems.Unprocessable("unknown-user", $"There is no user '{request.To}' to delegate to.");
        }

        return await SendAsync(taskId, services, step => new DelegateTask(step, colleague.ToActor(), request.Note, http.User.ToActor()), ct);
    }

    /// <summary>Sends the dossier back to the step that handed it over, with the reason.</summary>
    public static Task<Results<Ok<DossierDto>, ProblemHttpResult>> Return(string taskId, ReturnTaskRequest request, HttpContext http, [AsParameters] TaskServices services, CancellationToken ct) =>
        SendAsync(taskId, services, step => new ReturnTask(step, request.Reason ?? "", http.User.ToActor()), ct);

    /// <summary>Claims several tasks at once; each gets its own result, and one failure does not undo the others.</summary>
    public static async Task<Results<Ok<List<BulkResultDto>>, ProblemHttpResult>> BulkClaim(BulkRequest request, HttpContext http, [AsParameters] TaskServices services, CancellationToken ct)
    {
        if (request.TaskIds is not { Count: > 0 and <= MaxPageSize })
        {
            return Problems.Unprocessable("invalid-bulk", $"Send between 1 and {MaxPageSize} task ids.");
        }

        var results = new List<BulkResultDto>();
        foreach (var taskId in request.TaskIds.Distinct(StringComparer.Ordinal))
        {
            var result = await SendAsync(taskId, services, step => new ClaimTask(step, http.User.ToActor()), ct);
            results.Add(result.Result is ProblemHttpResult problem
                ? new BulkResultDto(taskId, false, problem.ProblemDetails.Detail)
                : new BulkResultDto(taskId, true, null));
        }

        return TypedResults.Ok(results);
    }

    private static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> SendAsync(string taskId, TaskServices services, Func<int, WorkflowCommand> command, CancellationToken ct)
    {
        if (!TaskId.TryParse(taskId, out var id))
        {
            return Problems.NotFound(RejectionCodes.TaskNotOpen, $"'{taskId}' is not a task id (expected <dossier id>.<step number>).");
        }

        return await DossierResults.FromAsync(await services.Runtime.ExecuteAsync(id.Dossier, command(id.StepInstance), ct), services.Procedures, ct);
    }
}

public sealed record TaskServices(WorkflowRuntime Runtime, ExecutableProcedureCache Procedures);

public sealed record DelegateTaskRequest(string To, string? Note);

public sealed record ReturnTaskRequest(string? Reason);

public sealed record BulkRequest(List<string> TaskIds);

public sealed record BulkResultDto(string TaskId, bool Succeeded, string? Problem);

public sealed record CompleteTaskRequest(string Outcome, Dictionary<string, JsonElement>? Data, string? Comment);

public sealed record TaskDto(
    string Id,
    string Dossier,
    string Procedure,
    int Version,
    string Step,
    string Name,
    string Kind,
    string Role,
    string Unit,
    string State,
    string? Assignee,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DueAt,
    DateTimeOffset? ClosedAt,
    string? ClosedBy,
    string? Outcome,
    int Priority)
{
    /// <summary>"normal", or "high" once the escalation ladder raised the task (<see cref="Priority"/> counts the raises).</summary>
    public string PriorityLevel => Priority > 0 ? "high" : "normal";

    public static TaskDto From(TaskView t) => new(
        t.Id.ToString(), t.Id.Dossier.ToString(), t.Definition.Procedure.Value, t.Definition.Version, t.Step.Value, t.StepName,
        KebabCase.Name(t.Kind), t.Role, t.Unit.Value, KebabCase.Name(t.State), t.Assignee?.Value,
        t.CreatedAt, t.DueAt, t.ClosedAt, t.ClosedBy?.Value, t.Outcome, t.Priority);
}
