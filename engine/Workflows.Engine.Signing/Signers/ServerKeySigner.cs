using System.Security.Cryptography.X509Certificates;
using Workflows.Engine.Signing.Cms;

namespace Workflows.Engine.Signing.Signers;

/// <summary>A key held by the server (from <see cref="IKeyVault"/>): e.g. a unit's e-seal applied by the clerk at step 4.</summary>
public sealed class ServerKeySigner : ISigner
{
    private readonly X509Certificate2 certificateWithKey;

    public ServerKeySigner(X509Certificate2 certificateWithKey, IEnumerable<X509Certificate2> chain)
    {
        ArgumentNullException.ThrowIfNull(certificateWithKey);
        if (!certificateWithKey.HasPrivateKey)
        {
            throw new ArgumentException("A server-held signer needs the certificate's private key.", nameof(certificateWithKey));
        }

        this.certificateWithKey = certificateWithKey;
        Chain = [.. chain];
    }

    public X509Certificate2 Certificate => certificateWithKey;

    public IReadOnlyList<X509Certificate2> Chain { get; }

    public Task<byte[]> SignAsync(byte[] signedAttributes, CancellationToken cancellationToken) =>
        Task.FromResult(CmsSignatureBuilder.Sign(signedAttributes, certificateWithKey));
}
