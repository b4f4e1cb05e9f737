using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using Workflows.Engine.Identity;
using Workflows.Engine.Printing;

namespace Workflows.Engine.Signing.Certificates;

/// <summary>
/// How a signing certificate says what it is and whom it binds. The kind is a certificate-policy OID in the
/// certificatePolicies extension (each licensed CA publishes its own; production lists them in
/// <see cref="Verification.SignatureTrustOptions"/>, the dev PKI uses the <c>Dev*</c> OIDs below). The holder is
/// read from the subject: a person's user id from UID (0.9.2342.19200300.100.1.1), a unit's id from
/// organizationIdentifier (2.5.4.97).
/// </summary>
public static class CertificateProfile
{
    /// <summary>Workflows' own arc, a UUID-derived OID (ITU-T X.667), so it collides with no CA's.</summary>
    public const string WorkflowsArc = "2.25.200138272644212159860039883431822359296";

    public const string DevPersonalPolicy = WorkflowsArc + ".1.1";

    public const string DevOrganizationPolicy = WorkflowsArc + ".1.2";

    /// <summary>id-kp-documentSigning (RFC 9336).</summary>
    public const string DocumentSigningUsage = "1.3.6.1.5.5.7.3.36";

    /// <summary>id-kp-emailProtection: NSS (pdfsig) and Adobe accept it for document signers.</summary>
    public const string EmailProtectionUsage = "1.3.6.1.5.5.7.3.4";

    public const string UserIdAttribute = "0.9.2342.19200300.100.1.1";

    public const string OrganizationIdentifierAttribute = "2.5.4.97";

    private const string CertificatePoliciesExtension = "2.5.29.32";

    public static IReadOnlyList<string> PolicyOids(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var extension = certificate.Extensions[CertificatePoliciesExtension];
        if (extension is null)
        {
            return [];
        }

        var policies = new List<string>();
        var reader = new AsnReader(extension.RawData, AsnEncodingRules.DER).ReadSequence();
        while (reader.HasData)
        {
            policies.Add(reader.ReadSequence().ReadObjectIdentifier());
        }

        return policies;
    }

    public static SignatureKind KindOf(X509Certificate2 certificate, IEnumerable<string> personalPolicies, IEnumerable<string> organizationPolicies)
    {
        var policies = PolicyOids(certificate);
        var personal = policies.Intersect(personalPolicies, StringComparer.Ordinal).Any();
        var organization = policies.Intersect(organizationPolicies, StringComparer.Ordinal).Any();
        return (personal, organization) switch
        {
            (true, false) => SignatureKind.Personal,
            (false, true) => SignatureKind.Organization,
            _ => SignatureKind.Unknown, // neither, or a certificate claiming both: trust neither
        };
    }

    public static SignatureKind KindOf(X509Certificate2 certificate) => KindOf(certificate, [DevPersonalPolicy], [DevOrganizationPolicy]);

    public static UserId? UserOf(X509Certificate2 certificate) =>
        UserId.TryParse(SubjectAttribute(certificate, UserIdAttribute), out var user) ? user : null;

    public static UnitId? UnitOf(X509Certificate2 certificate) =>
        UnitId.TryParse(SubjectAttribute(certificate, OrganizationIdentifierAttribute), out var unit) ? unit : null;

    public static string? SubjectAttribute(X509Certificate2 certificate, string oid)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        foreach (var rdn in certificate.SubjectName.EnumerateRelativeDistinguishedNames())
        {
            if (!rdn.HasMultipleElements && string.Equals(rdn.GetSingleElementType().Value, oid, StringComparison.Ordinal))
            {
                return rdn.GetSingleElementValue();
            }
        }

        return null;
    }

    public static string CommonName(X509Certificate2 certificate) =>
        SubjectAttribute(certificate, "2.5.4.3") ?? certificate.Subject;

    /// <summary>Whether the key may make document signatures: digitalSignature or nonRepudiation must be set.</summary>
    public static bool AllowsSigning(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var usage = certificate.Extensions.OfType<X509KeyUsageExtension>().FirstOrDefault();
        return usage is not null
            && (usage.KeyUsages & (X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation)) != 0;
    }
}
