namespace Workflows.Engine.Signing.Cms;

internal static class Oids
{
    public const string Data = "1.2.840.113549.1.7.1";
    public const string SignedData = "1.2.840.113549.1.7.2";
    public const string ContentType = "1.2.840.113549.1.9.3";
    public const string MessageDigest = "1.2.840.113549.1.9.4";
    public const string SigningTime = "1.2.840.113549.1.9.5";
    public const string SigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";
    public const string Sha256 = "2.16.840.1.101.3.4.2.1";
    public const string RsaEncryption = "1.2.840.113549.1.1.1";
    public const string EcdsaWithSha256 = "1.2.840.10045.4.3.2";
}
