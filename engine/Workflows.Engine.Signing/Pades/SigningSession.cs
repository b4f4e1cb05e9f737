namespace Workflows.Engine.Signing.Pades;

/// <summary>
/// What the server hands a remote signer (USB token, remote-signing service) after <see cref="PdfSigningService.PrepareAsync"/>.
/// A token that signs data signs <see cref="SignedAttributes"/> (SHA-256 with RSA PKCS#1 v1.5 or ECDSA); one that signs
/// a pre-computed hash signs <see cref="DigestToSign"/> = SHA-256(<see cref="SignedAttributes"/>). A service that builds
/// its own CMS uses <see cref="DocumentDigest"/> = SHA-256 of the /ByteRange as its message-digest attribute.
/// </summary>
public sealed record SigningSession(string Id, byte[] SignedAttributes, byte[] DigestToSign, byte[] DocumentDigest, DateTimeOffset ExpiresAt)
{
    public const string DigestAlgorithm = "SHA-256";
}
