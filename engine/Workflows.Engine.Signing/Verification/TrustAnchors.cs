using System.Security.Cryptography.X509Certificates;
using Workflows.Engine.Signing.Certificates;

namespace Workflows.Engine.Signing.Verification;

/// <summary>What a verifier trusts: root certificates, imported CRLs, and which policy OIDs mean which kind.</summary>
public sealed record TrustAnchors(IReadOnlyList<X509Certificate2> Roots, IReadOnlyList<CertificateRevocationList> RevocationLists, CertificatePolicies Policies)
{
    public static TrustAnchors Development(X509Certificate2 root, params CertificateRevocationList[] revocationLists) =>
        new([root], revocationLists, CertificatePolicies.Development);
}

/// <summary>
/// Production trust anchors as configuration (e.g. a "Signing:Trust" section): PEM files of the licensed CAs'
/// roots, CRL files to import, and the policy OIDs each CA uses for personal and organization certificates.
/// </summary>
public sealed class SignatureTrustOptions
{
    public IList<string> TrustedRootFiles { get; init; } = [];

    public IList<string> RevocationListFiles { get; init; } = [];

    public IList<string> PersonalPolicyOids { get; init; } = [CertificateProfile.DevPersonalPolicy];

    public IList<string> OrganizationPolicyOids { get; init; } = [CertificateProfile.DevOrganizationPolicy];

    public TrustAnchors Load()
    {
        var roots = new List<X509Certificate2>();
        foreach (var file in TrustedRootFiles)
        {
            var collection = new X509Certificate2Collection();
            collection.ImportFromPemFile(file);
            if (collection.Count == 0)
            {
                roots.Add(X509CertificateLoader.LoadCertificateFromFile(file));
            }

            roots.AddRange(collection);
        }

        var crls = RevocationListFiles.Select(f => CertificateRevocationList.Load(File.ReadAllBytes(f))).ToList();
        return new TrustAnchors(roots, crls, new CertificatePolicies([.. PersonalPolicyOids], [.. OrganizationPolicyOids]));
    }
}
