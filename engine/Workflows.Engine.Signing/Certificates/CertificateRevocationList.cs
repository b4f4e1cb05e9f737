using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Workflows.Engine.Signing.Certificates;

/// <summary>
/// An imported X.509 CRL (RFC 5280 §5), read offline: the verifier never fetches one. Its signature is checked
/// against the issuing CA's key before any entry is believed.
/// </summary>
public sealed class CertificateRevocationList
{
    private readonly Dictionary<string, RevokedCertificate> entries;
    private readonly byte[] tbs;
    private readonly byte[] signature;
    private readonly string signatureAlgorithm;

    private CertificateRevocationList(X500DistinguishedName issuer, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate, Dictionary<string, RevokedCertificate> entries, byte[] tbs, string signatureAlgorithm, byte[] signature)
    {
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        this.entries = entries;
        this.tbs = tbs;
        this.signatureAlgorithm = signatureAlgorithm;
        this.signature = signature;
    }

    public X500DistinguishedName Issuer { get; }

    public DateTimeOffset ThisUpdate { get; }

    public DateTimeOffset? NextUpdate { get; }

    public int Count => entries.Count;

    /// <summary>Reads DER or PEM ("-----BEGIN X509 CRL-----").</summary>
    public static CertificateRevocationList Load(byte[] encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        try
        {
            var der = encoded;
            if (encoded.Length > 0 && encoded[0] == (byte)'-')
            {
                var text = System.Text.Encoding.ASCII.GetString(encoded);
                der = PemEncoding.TryFind(text, out var fields) ? Convert.FromBase64String(text[fields.Base64Data]) : encoded;
            }

            var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
            var tbsBytes = outer.PeekEncodedValue().ToArray();
            var tbsReader = outer.ReadSequence();
            var algorithm = outer.ReadSequence().ReadObjectIdentifier();
            var signatureBytes = outer.ReadBitString(out _);

            if (tbsReader.PeekTag().TagValue == (int)UniversalTagNumber.Integer)
            {
                tbsReader.ReadInteger(); // version
            }

            tbsReader.ReadSequence(); // signature algorithm, repeated
            var issuer = new X500DistinguishedName(tbsReader.ReadEncodedValue().Span);
            var thisUpdate = ReadTime(tbsReader);
            DateTimeOffset? nextUpdate = null;
            if (tbsReader.HasData && tbsReader.PeekTag().TagValue is (int)UniversalTagNumber.UtcTime or (int)UniversalTagNumber.GeneralizedTime)
            {
                nextUpdate = ReadTime(tbsReader);
            }

            var revoked = new Dictionary<string, RevokedCertificate>(StringComparer.OrdinalIgnoreCase);
            if (tbsReader.HasData && tbsReader.PeekTag() == Asn1Tag.Sequence)
            {
                var list = tbsReader.ReadSequence();
                while (list.HasData)
                {
                    var entry = list.ReadSequence();
                    var serial = entry.ReadIntegerBytes().ToArray();
                    var date = ReadTime(entry);
                    var reason = entry.HasData ? ReadReason(entry.ReadSequence()) : null;
                    revoked[Convert.ToHexString(serial)] = new RevokedCertificate(date, reason);
                }
            }

            return new CertificateRevocationList(issuer, thisUpdate, nextUpdate, revoked, tbsBytes, algorithm, signatureBytes);
        }
        catch (Exception exception) when (exception is AsnContentException or FormatException or CryptographicException)
        {
            throw new CryptographicException("The file is not a readable X.509 CRL.", exception);
        }
    }

    /// <summary>Whether <paramref name="issuer"/> issued this CRL and signed it.</summary>
    public bool IsIssuedBy(X509Certificate2 issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (!issuer.SubjectName.RawData.AsSpan().SequenceEqual(Issuer.RawData))
        {
            return false;
        }

        var hash = signatureAlgorithm switch
        {
            "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
            _ => default,
        };
        if (hash == default)
        {
            return false;
        }

        using var rsa = issuer.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.VerifyData(tbs, signature, hash, RSASignaturePadding.Pkcs1);
        }

        using var ecdsa = issuer.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.VerifyData(tbs, signature, hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    public RevokedCertificate? Find(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var serial = new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: false, isBigEndian: true).ToByteArray(isUnsigned: false, isBigEndian: true);
        return entries.GetValueOrDefault(Convert.ToHexString(serial));
    }

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().TagValue == (int)UniversalTagNumber.UtcTime ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();

    private static X509RevocationReason? ReadReason(AsnReader extensions)
    {
        while (extensions.HasData)
        {
            var extension = extensions.ReadSequence();
            var oid = extension.ReadObjectIdentifier();
            if (extension.PeekTag() == Asn1Tag.Boolean)
            {
                extension.ReadBoolean();
            }

            var value = extension.ReadOctetString();
            if (oid == "2.5.29.21")
            {
                return (X509RevocationReason)(int)new AsnReader(value, AsnEncodingRules.DER).ReadEnumeratedValue<X509RevocationReason>();
            }
        }

        return null;
    }
}

public sealed record RevokedCertificate(DateTimeOffset RevokedAt, X509RevocationReason? Reason);
