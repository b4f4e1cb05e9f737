using Workflows.Engine.Printing;

namespace Workflows.Engine.Signing.Certificates;

/// <summary>Which certificate-policy OIDs mark a personal and an organization certificate (see <see cref="CertificateProfile"/>).</summary>
public sealed record CertificatePolicies(IReadOnlyList<string> Personal, IReadOnlyList<string> Organization)
{
    public static readonly CertificatePolicies Development = new([CertificateProfile.DevPersonalPolicy], [CertificateProfile.DevOrganizationPolicy]);

    public SignatureKind KindOf(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        CertificateProfile.KindOf(certificate, Personal, Organization);
}
