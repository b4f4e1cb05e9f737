using Workflows.Engine.Signing.Verification;

namespace Workflows.Api.Infrastructure;

/// <summary>The "Signing" section: where keys live, the PDFsharp licence, and whom to trust.</summary>
public sealed class SigningOptions
{
    /// <summary>Folder of the Data-Protection-encrypted PKCS#12 keys (and the dev PKI); relative to the content root.</summary>
    public string KeysDirectory { get; set; } = "data/signing";

    /// <summary>
    /// Embedded default only: create a development PKI (marked DEV ONLY - NOT FOR PRODUCTION) and issue keys for
    /// directory users and units on first use. Production sets false and configures <see cref="Trust"/>.
    /// </summary>
    public bool DevelopmentPki { get; set; } = true;

    /// <summary>"agpl" (default, see docs/adr/0007) or "commercial" with <see cref="PdfSharpLicenseKey"/>.</summary>
    public string PdfSharpLicense { get; set; } = "agpl";

    public string? PdfSharpLicenseKey { get; set; }

    /// <summary>Production trust anchors: licensed CAs' roots, CRLs and policy OIDs. Empty roots: the dev PKI's root.</summary>
    public SignatureTrustOptions Trust { get; set; } = new();

    /// <summary>The largest PDF accepted for verification or signing.</summary>
    public int MaxDocumentBytes { get; set; } = 10 * 1024 * 1024;
}
