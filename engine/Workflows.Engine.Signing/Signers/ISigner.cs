using System.Security.Cryptography.X509Certificates;

namespace Workflows.Engine.Signing.Signers;

/// <summary>
/// Whoever holds a signing key. It is given the DER-encoded CMS signed attributes and returns the raw signature
/// over them (RSA PKCS#1 v1.5 or ECDSA, with SHA-256). A server-held key does this in-process; a USB token or a
/// remote-signing service does it on the far side of <see cref="Pades.PdfSigningService.PrepareAsync"/> /
/// <see cref="Pades.PdfSigningService.CompleteAsync"/>.
/// </summary>
public interface ISigner
{
    /// <summary>The signer's certificate (public part).</summary>
    X509Certificate2 Certificate { get; }

    /// <summary>Intermediate CA certificates to embed so a verifier can build the chain offline.</summary>
    IReadOnlyList<X509Certificate2> Chain { get; }

    Task<byte[]> SignAsync(byte[] signedAttributes, CancellationToken cancellationToken);
}
