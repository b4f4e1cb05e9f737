namespace Workflows.Api.Infrastructure;

/// <summary>Endpoint metadata: this endpoint takes file bodies up to <see cref="MaxBytes"/> instead of the JSON limit.</summary>
public sealed record UploadSizeLimit(long MaxBytes);
