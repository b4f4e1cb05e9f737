using Workflows.Engine.Signing.Certificates;

namespace Workflows.Engine.Signing.Pades;

public sealed record PdfSigningOptions
{
    /// <summary>How long a prepared two-phase signature waits for its signer (a person with a USB token).</summary>
    public TimeSpan SessionLifetime { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Larger documents are refused before any parsing.</summary>
    public int MaxDocumentBytes { get; init; } = 25 * 1024 * 1024;

    public CertificatePolicies Policies { get; init; } = CertificatePolicies.Development;
}
