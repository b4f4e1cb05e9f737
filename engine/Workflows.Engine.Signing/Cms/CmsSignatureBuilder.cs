using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Workflows.Engine.Signing.Cms;

/// <summary>
/// Builds a detached CMS SignedData (RFC 5652) for PAdES in two halves, so that the private key can be anywhere:
/// first the signed attributes (content-type, message-digest of the /ByteRange, signing-time, ESS
/// signing-certificate-v2), whose DER encoding is what gets signed; then, given the signature over them, the
/// SignedData itself. Server keys and USB tokens go through the same two halves.
/// </summary>
internal static class CmsSignatureBuilder
{
    public static byte[] SignedAttributes(byte[] documentDigest, DateTimeOffset signingTime, X509Certificate2 signer)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSetOf())
        {
            Attribute(writer, Oids.ContentType, w => w.WriteObjectIdentifier(Oids.Data));
            Attribute(writer, Oids.MessageDigest, w => w.WriteOctetString(documentDigest));
            Attribute(writer, Oids.SigningTime, w => WriteTime(w, signingTime));
            Attribute(writer, Oids.SigningCertificateV2, w => WriteSigningCertificateV2(w, signer));
        }

        return writer.Encode();
    }

    /// <summary>The SHA-256 a token signs when it is handed a digest instead of the attributes themselves.</summary>
    public static byte[] DigestToSign(byte[] signedAttributes) => SHA256.HashData(signedAttributes);

    public static byte[] SignedData(byte[] signedAttributes, byte[] signature, X509Certificate2 signer, IEnumerable<X509Certificate2> chain)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Oids.SignedData);
            using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0)))
            using (writer.PushSequence())
            {
                writer.WriteInteger(1);
                using (writer.PushSetOf())
                {
                    WriteSha256(writer);
                }

                using (writer.PushSequence())
                {
                    writer.WriteObjectIdentifier(Oids.Data); // detached: no eContent
                }

                using (writer.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0)))
                {
                    foreach (var certificate in new[] { signer }.Concat(chain).DistinctBy(c => c.Thumbprint))
                    {
                        writer.WriteEncodedValue(certificate.RawData);
                    }
                }

                using (writer.PushSetOf())
                using (writer.PushSequence())
                {
                    writer.WriteInteger(1);
                    using (writer.PushSequence())
                    {
                        writer.WriteEncodedValue(signer.IssuerName.RawData);
                        writer.WriteInteger(signer.SerialNumberBytes.Span);
                    }

                    WriteSha256(writer);
                    // The signed attributes are signed as a SET (tag 0x31) but stored as [0] IMPLICIT.
                    var implicitAttributes = (byte[])signedAttributes.Clone();
                    implicitAttributes[0] = 0xA0;
                    writer.WriteEncodedValue(implicitAttributes);
                    using (writer.PushSequence())
                    {
                        if (signer.GetKeyAlgorithm() == Oids.RsaEncryption)
                        {
                            writer.WriteObjectIdentifier(Oids.RsaEncryption);
                            writer.WriteNull();
                        }
                        else
                        {
                            writer.WriteObjectIdentifier(Oids.EcdsaWithSha256);
                        }
                    }

                    writer.WriteOctetString(signature);
                }
            }
        }

        return writer.Encode();
    }

    /// <summary>Signs the DER signed attributes with a key held here (server key or test token).</summary>
    public static byte[] Sign(byte[] signedAttributes, X509Certificate2 certificateWithKey)
    {
        using var rsa = certificateWithKey.GetRSAPrivateKey();
        if (rsa is not null)
        {
            return rsa.SignData(signedAttributes, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        using var ecdsa = certificateWithKey.GetECDsaPrivateKey()
            ?? throw new InvalidOperationException("The certificate has no RSA or ECDSA private key.");
        return ecdsa.SignData(signedAttributes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <summary>
    /// Whether <paramref name="signature"/> is the certificate's key's signature over the attributes. ECDSA tokens
    /// often return r‖s (IEEE P1363) instead of DER; both are accepted and <paramref name="normalized"/> is DER.
    /// </summary>
    public static bool Verify(byte[] signedAttributes, byte[] signature, X509Certificate2 certificate, out byte[] normalized)
    {
        normalized = signature;
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            return rsa.VerifyData(signedAttributes, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }

        using var ecdsa = certificate.GetECDsaPublicKey();
        if (ecdsa is null)
        {
            return false;
        }

        if (ecdsa.VerifyData(signedAttributes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
        {
            return true;
        }

        if (signature.Length == 2 * ((ecdsa.KeySize + 7) / 8)
            && ecdsa.VerifyData(signedAttributes, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            var half = signature.Length / 2;
            var writer = new AsnWriter(AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteIntegerUnsigned(Minimal(signature.AsSpan(0, half)));
                writer.WriteIntegerUnsigned(Minimal(signature.AsSpan(half)));
            }

            normalized = writer.Encode();
            return true;
        }

        return false;
    }

    /// <summary>
    /// r and s are fixed-width in P1363, so about one signature in 128 has a leading zero byte that DER forbids;
    /// drop it (keeping at least one byte) before writing the integer.
    /// </summary>
    private static ReadOnlySpan<byte> Minimal(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }

        return value[start..];
    }

    private static void Attribute(AsnWriter writer, string oid, Action<AsnWriter> value)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(oid);
            using (writer.PushSetOf())
            {
                value(writer);
            }
        }
    }

    private static void WriteSha256(AsnWriter writer)
    {
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier(Oids.Sha256);
        }
    }

    // RFC 5652 §11.3: UTCTime for 1950–2049, GeneralizedTime otherwise.
    private static void WriteTime(AsnWriter writer, DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        utc = utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
        if (utc.Year is >= 1950 and < 2050)
        {
            writer.WriteUtcTime(utc);
        }
        else
        {
            writer.WriteGeneralizedTime(utc, omitFractionalSeconds: true);
        }
    }

    // RFC 5035: SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, hash algorithm SHA-256 (the default, so omitted).
    private static void WriteSigningCertificateV2(AsnWriter writer, X509Certificate2 signer)
    {
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(signer.RawData));
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4)))
                {
                    writer.WriteEncodedValue(signer.IssuerName.RawData);
                }

                writer.WriteInteger(signer.SerialNumberBytes.Span);
            }
        }
    }
}
