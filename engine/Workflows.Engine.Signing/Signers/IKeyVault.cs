using System.Security.Cryptography.X509Certificates;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Signing.Signers;

/// <summary>
/// Where server-held signing keys live, by key id ("user:chair-tuan", "unit:xa-tan-an"). The host protects the
/// PKCS#12 files at rest (ASP.NET Core Data Protection); this interface only hands out a ready signer.
/// </summary>
public interface IKeyVault
{
    /// <summary>The signer for <paramref name="keyId"/>, or null when no key is stored under it.</summary>
    Task<ISigner?> FindAsync(string keyId, CancellationToken cancellationToken);
}

public static class KeyIds
{
    public static string For(UserId user) => "user:" + user.Value;

    public static string For(UnitId unit) => "unit:" + unit.Value;
}
