namespace Workflows.Api.Infrastructure;

/// <summary>
/// Refuses declared-oversize bodies before any endpoint reads them, with a ProblemDetails, whatever the server
/// (Kestrel also enforces the same limit on bodies without a Content-Length while they stream in).
/// </summary>
public sealed class RequestSizeLimit(RequestDelegate next, long maxBytes)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        // Upload endpoints name their own (larger) limit; the server's limit follows it for bodies without a length.
        var limit = maxBytes;
        if (context.GetEndpoint()?.Metadata.GetMetadata<UploadSizeLimit>() is { } upload)
        {
            limit = upload.MaxBytes;
            if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
        }

        if (context.Request.ContentLength is { } length && length > limit)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = Problems.Create(413, "payload-too-large", $"The request body has {length} bytes; the server accepts at most {limit}. Send a smaller payload."),
            });
            return;
        }

        await next(context);
    }
}
