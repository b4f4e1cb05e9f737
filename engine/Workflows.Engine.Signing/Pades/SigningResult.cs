using System.Diagnostics.CodeAnalysis;
using Workflows.Engine.Execution;

namespace Workflows.Engine.Signing.Pades;

/// <summary>A value, or the reason it was refused (bad input is a result, not an exception).</summary>
public sealed record SigningResult<T>
{
    private SigningResult(T? value, Rejection? rejection)
    {
        Value = value;
        Rejection = rejection;
    }

    public T? Value { get; }

    public Rejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool Succeeded => Rejection is null;

    // CA1000: a static factory on the generic result is the clearest call site (SigningResult<byte[]>.Ok(pdf)).
#pragma warning disable CA1000
    public static SigningResult<T> Ok(T value) => new(value, null);

    public static SigningResult<T> Rejected(string code, string message) => new(default, new Rejection(code, message));
#pragma warning restore CA1000
}

public static class SigningRejectionCodes
{
    public const string InvalidPdf = "invalid-pdf";
    public const string DocumentTooLarge = "document-too-large";
    public const string CertificateCannotSign = "certificate-cannot-sign";
    public const string CertificateNotValidNow = "certificate-not-valid-now";
    public const string CertificateWrongKind = "certificate-wrong-kind";
    public const string CertificateWrongHolder = "certificate-wrong-holder";
    public const string SessionNotFound = "signing-session-not-found";
    public const string SessionExpired = "signing-session-expired";
    public const string SignatureMismatch = "signature-mismatch";
    public const string DigestMismatch = "digest-mismatch";
    public const string CertificateMismatch = "certificate-mismatch";
    public const string SignatureTooLarge = "signature-too-large";
}
