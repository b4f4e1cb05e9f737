using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;

namespace Workflows.Engine.Signing.Signers;

/// <summary>
/// Keys as PKCS#12 blobs, kept in memory or read from a directory ("{keyId with ':' as '-'}.pfx"). The blob
/// reader is pluggable so the host can unprotect it (Data Protection) before it is parsed; the password comes
/// from the same place.
/// </summary>
public sealed class Pkcs12KeyVault : IKeyVault
{
    private readonly ConcurrentDictionary<string, (byte[] Pfx, string Password)> stored = new(StringComparer.Ordinal);
    private readonly string? directory;
    private readonly Func<string, string> passwordFor;

    /// <summary>An in-memory vault; add keys with <see cref="Add"/>.</summary>
    public Pkcs12KeyVault()
    {
        passwordFor = _ => "";
    }

    /// <summary>A vault over a directory of .pfx files, as <c>workflows pki init</c> writes them.</summary>
    public Pkcs12KeyVault(string directory, Func<string, string> passwordFor)
    {
        this.directory = directory;
        this.passwordFor = passwordFor;
    }

    public static string FileName(string keyId) => keyId.Replace(':', '-') + ".pfx";

    public void Add(string keyId, byte[] pfx, string password) => stored[keyId] = (pfx, password);

    public async Task<ISigner?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        byte[] pfx;
        string password;
        if (stored.TryGetValue(keyId, out var entry))
        {
            (pfx, password) = entry;
        }
        else if (directory is not null && File.Exists(Path.Combine(directory, FileName(keyId))))
        {
            pfx = await File.ReadAllBytesAsync(Path.Combine(directory, FileName(keyId)), cancellationToken);
            password = passwordFor(keyId);
        }
        else
        {
            return null;
        }

        var collection = X509CertificateLoader.LoadPkcs12Collection(pfx, password, X509KeyStorageFlags.EphemeralKeySet);
        var signer = collection.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new InvalidOperationException($"The PKCS#12 stored for \"{keyId}\" holds no private key.");
        return new ServerKeySigner(signer, collection.Where(c => !ReferenceEquals(c, signer) && !IsSelfSigned(c)));
    }

    private static bool IsSelfSigned(X509Certificate2 certificate) => certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
}
