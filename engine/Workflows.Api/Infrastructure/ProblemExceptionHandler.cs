using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Workflows.Engine.Application.Ports;

namespace Workflows.Api.Infrastructure;

/// <summary>
/// The one place exceptions become responses. Bad requests the framework detects (malformed JSON, body too
/// large) get a ProblemDetails saying what to fix; anything else is a bug: logged, and answered as a 500.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = exception switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                (413, "payload-too-large", "The request body is larger than the server accepts; send a smaller payload."),
            BadHttpRequestException { InnerException: JsonException json } =>
                (400, "malformed-json", $"The request body is not valid JSON for this endpoint: {json.Message}"),
            BadHttpRequestException bad => (bad.StatusCode, "bad-request", bad.Message),
            ConcurrencyConflictException conflict => (409, "concurrency-conflict", conflict.Message + " Reload and try again."),
            _ => (500, "internal-error", "Something went wrong on the server; the error was logged. Nothing you sent was saved."),
        };

        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = Problems.Create(status, code, detail),
        });
    }
}
