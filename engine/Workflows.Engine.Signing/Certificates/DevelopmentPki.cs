using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Signing.Certificates;

/// <summary>
/// A development PKI: root CA → issuing CA → personal certificates for leaders and organization certificates for
/// units. Every subject says "DEV ONLY - NOT FOR PRODUCTION"; nothing here is trusted unless a test or a dev
/// configuration names its root. Production trust comes from licensed CAs through configuration.
/// </summary>
public sealed class DevelopmentPki : IDisposable
{
    public const string DevMarker = "DEV ONLY - NOT FOR PRODUCTION";

    private readonly List<(X509Certificate2 Certificate, DateTimeOffset At, X509RevocationReason Reason)> revocations = [];

    private DevelopmentPki(X509Certificate2 root, X509Certificate2 issuingCa, DateTimeOffset now)
    {
        Root = root;
        IssuingCa = issuingCa;
        CreatedAt = now;
    }

    /// <summary>The root CA, with its private key.</summary>
    public X509Certificate2 Root { get; }

    /// <summary>The issuing CA, with its private key; it signs the leaf certificates and the CRL.</summary>
    public X509Certificate2 IssuingCa { get; }

    public DateTimeOffset CreatedAt { get; }

    public static DevelopmentPki Create(DateTimeOffset now)
    {
        using var rootKey = RSA.Create(2048);
        var rootName = Name(cn: "Workflows DEV ONLY Root CA", organization: "Workflows", extra: null);
        var rootRequest = new CertificateRequest(rootName, rootKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        rootRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        rootRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        rootRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(rootRequest.PublicKey, false));
        var root = rootRequest.CreateSelfSigned(now.AddDays(-1), now.AddYears(25));

        using var issuingKey = RSA.Create(2048);
        var issuingRequest = new CertificateRequest(Name(cn: "Workflows DEV ONLY Issuing CA", organization: "Workflows", extra: null), issuingKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        issuingRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        issuingRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        issuingRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(issuingRequest.PublicKey, false));
        issuingRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(root, true, false));
        using var issuingPublic = issuingRequest.Create(root, now.AddDays(-1), now.AddYears(20), Serial());
        var issuing = issuingPublic.CopyWithPrivateKey(issuingKey);

        return new DevelopmentPki(root, issuing, now);
    }

    /// <summary>A PKI created earlier and kept by the host (the issuing CA with its key), to issue more leaf certificates.</summary>
    public static DevelopmentPki FromExisting(X509Certificate2 root, X509Certificate2 issuingCaWithKey, DateTimeOffset createdAt)
    {
        ArgumentNullException.ThrowIfNull(issuingCaWithKey);
        return issuingCaWithKey.HasPrivateKey
            ? new DevelopmentPki(root, issuingCaWithKey, createdAt)
            : throw new ArgumentException("The issuing CA needs its private key to issue certificates.", nameof(issuingCaWithKey));
    }

    /// <summary>A leader's personal signing certificate, bound to the user account by UID.</summary>
    public X509Certificate2 IssuePersonal(UserId user, string fullName, string? organization = null, CertificateOptions? options = null) =>
        Issue(Name(cn: fullName, organization: organization, extra: (CertificateProfile.UserIdAttribute, user.Value)), CertificateProfile.DevPersonalPolicy, options ?? new());

    /// <summary>A unit's organization certificate (e-seal), bound to the unit by organizationIdentifier.</summary>
    public X509Certificate2 IssueOrganization(UnitId unit, string unitName, CertificateOptions? options = null) =>
        Issue(Name(cn: unitName, organization: unitName, extra: (CertificateProfile.OrganizationIdentifierAttribute, unit.Value)), CertificateProfile.DevOrganizationPolicy, options ?? new());

    public void Revoke(X509Certificate2 certificate, DateTimeOffset at, X509RevocationReason reason = X509RevocationReason.KeyCompromise) =>
        revocations.Add((certificate, at, reason));

    /// <summary>A CRL from the issuing CA listing what <see cref="Revoke"/> was told, valid for a week from <paramref name="thisUpdate"/>.</summary>
    public byte[] BuildCrl(DateTimeOffset thisUpdate, int number = 1)
    {
        var builder = new CertificateRevocationListBuilder();
        foreach (var (certificate, at, reason) in revocations)
        {
            builder.AddEntry(certificate, at, reason);
        }

        return builder.Build(IssuingCa, new BigInteger(number), thisUpdate.AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, thisUpdate);
    }

    public void Dispose()
    {
        Root.Dispose();
        IssuingCa.Dispose();
    }

    private X509Certificate2 Issue(X500DistinguishedName subject, string policy, CertificateOptions options)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(options.KeyUsage, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(CertificateProfile.DocumentSigningUsage), new Oid(CertificateProfile.EmailProtectionUsage)], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(IssuingCa, true, false));
        request.CertificateExtensions.Add(CertificatePolicies(policy));
        var notBefore = options.NotBefore ?? CreatedAt.AddDays(-1);
        var issuerNotAfter = new DateTimeOffset(IssuingCa.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = options.NotAfter is { } requested && requested < issuerNotAfter ? requested : CreatedAt.AddYears(2);
        using var certificate = request.Create(IssuingCa, notBefore, notAfter, Serial());
        return certificate.CopyWithPrivateKey(key);
    }

    private static X509Extension CertificatePolicies(string policy)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(policy);
        }

        return new X509Extension("2.5.29.32", writer.Encode(), false);
    }

    private static X500DistinguishedName Name(string cn, string? organization, (string Oid, string Value)? extra)
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCountryOrRegion("VN");
        if (organization is not null)
        {
            builder.AddOrganizationName(organization);
        }

        builder.AddOrganizationalUnitName(DevMarker);
        if (extra is { } attribute)
        {
            builder.Add(attribute.Oid, attribute.Value);
        }

        builder.AddCommonName(cn);
        return builder.Build();
    }

    private static byte[] Serial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F; // positive
        serial[0] |= 0x01; // and minimal: no leading zero byte
        return serial;
    }
}

/// <summary>Knobs tests turn to make bad certificates: expired, not yet valid, without the signing key usage.</summary>
public sealed record CertificateOptions
{
    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? NotAfter { get; init; }

    public X509KeyUsageFlags KeyUsage { get; init; } = X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation;
}
