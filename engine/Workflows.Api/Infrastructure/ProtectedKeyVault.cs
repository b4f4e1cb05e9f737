using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Identity;
using Workflows.Engine.Signing.Certificates;
using Workflows.Engine.Signing.Signers;
using Workflows.Engine.Signing.Verification;

namespace Workflows.Api.Infrastructure;

/// <summary>
/// Server-held signing keys as PKCS#12 files encrypted at rest with ASP.NET Core Data Protection
/// ("{key id}.pfx.protected"). With <see cref="SigningOptions.DevelopmentPki"/> it also plays the development CA:
/// the dev PKI is created once in the keys folder, and a directory user's or unit's key is issued the first time
/// it is needed (keeping start-up and tests fast). Nothing of the dev PKI is trusted unless configured so.
/// Decrypting a PKCS#12 (its key derivation) and loading trust files cost more than the signature itself, so both
/// are kept in memory and reloaded when their file changes (checked with one stat per use, so a key replaced by
/// another host or by hand is picked up at its next use, not after a restart).
/// </summary>
public sealed class ProtectedKeyVault : IKeyVault, IDisposable
{
    private const string RootFile = "dev-root.cer";
    private const string IssuingCaKey = "dev-issuing-ca";

    private readonly IDataProtector protector;
    private readonly SigningOptions options;
    private readonly string directory;
    private readonly IDirectory people;
    private readonly TimeProvider time;
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly ConcurrentDictionary<string, LoadedSigner> signers = new(StringComparer.Ordinal);
    private DevelopmentPki? pki;
    private LoadedTrust? trust;

    public ProtectedKeyVault(IDataProtectionProvider dataProtection, IOptions<SigningOptions> options, IHostEnvironment environment, IDirectory people, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(dataProtection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        protector = dataProtection.CreateProtector("Workflows.Signing.Pkcs12");
        this.options = options.Value;
        directory = Path.GetFullPath(this.options.KeysDirectory, environment.ContentRootPath);
        this.people = people;
        this.time = time;
    }

    public async Task<ISigner?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyId);
        var stamp = FileStamp.Of(PathOf(keyId));
        if (stamp is not null && signers.TryGetValue(keyId, out var loaded) && loaded.Stamp == stamp)
        {
            return loaded.Signer;
        }

        var pfx = await ReadAsync(keyId, cancellationToken);
        if (pfx is null && options.DevelopmentPki)
        {
            pfx = await IssueDevelopmentKeyAsync(keyId, cancellationToken);
            stamp = null; // read back (and kept) at its next use
        }

        if (pfx is null)
        {
            return null;
        }

        var collection = X509CertificateLoader.LoadPkcs12Collection(pfx, "", X509KeyStorageFlags.EphemeralKeySet);
        var certificate = collection.FirstOrDefault(c => c.HasPrivateKey)
            ?? throw new InvalidOperationException($"The key stored for \"{keyId}\" holds no private key.");
        var signer = new ServerKeySigner(certificate, collection.Where(c => !ReferenceEquals(c, certificate)));
        if (stamp is not null)
        {
            // The stamp was taken before reading: if the file changed in between, the next use sees a new stamp.
            signers[keyId] = new LoadedSigner(stamp, signer);
        }

        return signer;
    }

    /// <summary>Stores a PKCS#12 (certificate, key, chain) under <paramref name="keyId"/>, encrypted.</summary>
    public async Task StoreAsync(string keyId, byte[] pfx, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllBytesAsync(PathOf(keyId), protector.Protect(pfx), cancellationToken);
        signers.TryRemove(keyId, out _);
    }

    /// <summary>Roots, CRLs and policies to verify with: configured ones, else (development) the dev root.</summary>
    public async Task<TrustAnchors> TrustAsync(CancellationToken cancellationToken)
    {
        var files = options.Trust.TrustedRootFiles.Concat(options.Trust.RevocationListFiles);
        var stamp = string.Join('|', files.Select(f => FileStamp.Of(f)?.ToString() ?? f + ":missing"));
        if (trust is { } loaded && loaded.Stamp == stamp)
        {
            return loaded.Anchors;
        }

        TrustAnchors anchors;
        if (options.Trust.TrustedRootFiles.Count > 0 || !options.DevelopmentPki)
        {
            anchors = options.Trust.Load();
        }
        else
        {
            var dev = await DevelopmentPkiAsync(cancellationToken);
            anchors = options.Trust.Load() with { Roots = [dev.Root] };
        }

        trust = new LoadedTrust(stamp, anchors);
        return anchors;
    }

    public void Dispose()
    {
        pki?.Dispose();
        gate.Dispose();
    }

    private string PathOf(string keyId) => Path.Combine(directory, keyId.Replace(':', '-') + ".pfx.protected");

    private async Task<byte[]?> ReadAsync(string keyId, CancellationToken cancellationToken)
    {
        var path = PathOf(keyId);
        return File.Exists(path) ? protector.Unprotect(await File.ReadAllBytesAsync(path, cancellationToken)) : null;
    }

    private async Task<byte[]?> IssueDevelopmentKeyAsync(string keyId, CancellationToken cancellationToken)
    {
        var dev = await DevelopmentPkiAsync(cancellationToken);
        X509Certificate2 certificate;
        if (keyId.StartsWith("user:", StringComparison.Ordinal) && UserId.TryParse(keyId[5..], out var userId)
            && await people.FindUserAsync(userId, cancellationToken) is { } user)
        {
            var unit = (await people.ListUnitsAsync(cancellationToken)).FirstOrDefault(u => u.Id == user.Unit);
            certificate = dev.IssuePersonal(user.Id, user.Name, unit?.Name);
        }
        else if (keyId.StartsWith("unit:", StringComparison.Ordinal) && UnitId.TryParse(keyId[5..], out var unitId)
            && (await people.ListUnitsAsync(cancellationToken)).FirstOrDefault(u => u.Id == unitId) is { } unit)
        {
            certificate = dev.IssueOrganization(unit.Id, unit.Name);
        }
        else
        {
            return null;
        }

        using (certificate)
        {
            var pfx = new X509Certificate2Collection { certificate, X509CertificateLoader.LoadCertificate(dev.IssuingCa.RawData) }.Export(X509ContentType.Pkcs12, "")!;
            await gate.WaitAsync(cancellationToken);
            try
            {
                // Another request may have issued it meanwhile; keep the first so a certificate never changes under a user.
                if (await ReadAsync(keyId, cancellationToken) is { } existing)
                {
                    return existing;
                }

                await StoreAsync(keyId, pfx, cancellationToken);
                return pfx;
            }
            finally
            {
                gate.Release();
            }
        }
    }

    private async Task<DevelopmentPki> DevelopmentPkiAsync(CancellationToken cancellationToken)
    {
        if (pki is not null)
        {
            return pki;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (pki is not null)
            {
                return pki;
            }

            var rootPath = Path.Combine(directory, RootFile);
            if (File.Exists(rootPath) && await ReadAsync(IssuingCaKey, cancellationToken) is { } issuingPfx)
            {
                var root = X509CertificateLoader.LoadCertificateFromFile(rootPath);
                var issuing = X509CertificateLoader.LoadPkcs12(issuingPfx, "", X509KeyStorageFlags.Exportable);
                pki = DevelopmentPki.FromExisting(root, issuing, new DateTimeOffset(issuing.NotBefore.ToUniversalTime(), TimeSpan.Zero).AddDays(1));
            }
            else
            {
                var created = DevelopmentPki.Create(time.GetUtcNow());
                await StoreAsync(IssuingCaKey, created.IssuingCa.Export(X509ContentType.Pkcs12, "")!, cancellationToken);
                await File.WriteAllBytesAsync(rootPath, created.Root.Export(X509ContentType.Cert), cancellationToken);
                pki = created;
            }

            return pki;
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed record LoadedSigner(FileStamp Stamp, ServerKeySigner Signer);

    private sealed record LoadedTrust(string Stamp, TrustAnchors Anchors);

    /// <summary>What tells a changed file from the one loaded: its size and last write time (nanosecond clocks on ext4).</summary>
    private sealed record FileStamp(string Path, DateTime WrittenUtc, long Length)
    {
        public static FileStamp? Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? new FileStamp(path, file.LastWriteTimeUtc, file.Length) : null;
        }
    }
}
