using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Workflows.Api.Infrastructure;

namespace Workflows.Api.Features.Signing;

/// <summary>Reads an uploaded PDF body, refusing what is not a PDF or too large before anything looks at it.</summary>
internal static class PdfUpload
{
    public static async Task<(byte[]? Pdf, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<SigningOptions>>().Value.MaxDocumentBytes;
        if (request.ContentLength > limit)
        {
            return (null, TypedResults.Problem(Problems.Create(413, "document-too-large", $"The document is {request.ContentLength:N0} bytes; at most {limit:N0} can be verified.")));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TypedResults.Problem(Problems.Create(413, "document-too-large", $"The document is larger than {limit:N0} bytes, the most that can be verified.")));
            }

            buffer.Write(chunk, 0, read);
        }

        var pdf = buffer.ToArray();
        if (pdf.Length < 8 || !pdf.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
        {
            return (null, Problems.Unprocessable("not-a-pdf", "The upload is not a PDF (it does not start with %PDF-). Send the signed result file itself with Content-Type application/pdf."));
        }

        if (pdf.AsSpan().LastIndexOf("%%EOF"u8) < 0)
        {
            return (null, Problems.Unprocessable("corrupt-pdf", "The PDF is cut short or damaged: it has no end-of-file marker (%%EOF). Download the result again."));
        }

        return (pdf, null);
    }
}
