namespace Workflows.Api.Infrastructure;

/// <summary>
/// Refuses declared-oversize bodies before any endpoint reads them, with a ProblemDetails, whatever the server
/// (Kestrel also enforces the same limit on bodies without a Content-Length while they stream in).
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next, long maxBytes)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        if (context.Request.ContentLength is { } length && length > maxBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = Problems.Create(413, "payload-too-large", $"The request body has {length} bytes; the server accepts at most {maxBytes}. Send a smaller payload."),
            });
            return;
        }

        await next(context);
    }
}
