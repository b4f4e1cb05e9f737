using System.CommandLine;
using System.Globalization;
using Workflows.Engine.Printing;
using Workflows.Engine.Signing;
using Workflows.Engine.Signing.Verification;

namespace Workflows.Cli.Commands;

/// <summary>
/// <c>workflows verify &lt;pdf&gt;</c>: checks every signature of a result offline against the given roots and CRLs and
/// prints a report. Exit code 1 when any signature is invalid, when there is none, or when bytes were appended
/// after the last signature (an unsigned change); 0 only for an intact signed document.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("pdf") { Description = "The signed PDF." };
        var trust = new Option<string[]>("--trust") { Description = "Trusted root certificate(s), PEM or DER; repeat for several.", AllowMultipleArgumentsPerToken = true };
        var crls = new Option<string[]>("--crl") { Description = "CRL file(s) to check revocation against, PEM or DER.", AllowMultipleArgumentsPerToken = true };

        var command = new Command("verify", "Verify the digital signatures of a PDF (chain, signing time, revocation, integrity).") { file, trust, crls };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            if (!File.Exists(path))
            {
                return Fail(console, $"{path}: no such file.");
            }

            TrustAnchors anchors;
            try
            {
                var options = new SignatureTrustOptions
                {
                    TrustedRootFiles = [.. parseResult.GetValue(trust) ?? []],
                    RevocationListFiles = [.. parseResult.GetValue(crls) ?? []],
                };
                anchors = options.Load();
            }
            catch (Exception exception) when (exception is IOException or System.Security.Cryptography.CryptographicException)
            {
                return Fail(console, $"Cannot read a --trust or --crl file: {exception.Message}");
            }

            var pdf = File.ReadAllBytes(path);
            var report = new PdfSignatureVerifier(anchors, TimeProvider.System).Verify(pdf);
            Print(console.Out, path, report);
            return report.IsIntact ? 0 : 1;
        });
        return command;
    }

    private static void Print(TextWriter output, string path, PdfVerificationReport report)
    {
        var revisions = report.Signatures.Select(s => s.Revision).DefaultIfEmpty(0).Max() + (report.UnsignedTrailingBytes > 0 ? 1 : 0);
        output.WriteLine($"{path}: {report.DocumentLength.ToString("N0", CultureInfo.InvariantCulture)} bytes, {report.Signatures.Length} signature(s)");
        foreach (var signature in report.Signatures)
        {
            output.WriteLine();
            output.WriteLine($"Signature {signature.Index}: {(signature.IsValid ? "VALID" : "INVALID")}");
            output.WriteLine($"  Signer:        {signature.SignerName ?? "?"} ({signature.SignerSubject ?? "no certificate"})");
            output.WriteLine($"  Kind:          {Describe(signature)}");
            output.WriteLine($"  Signing time:  {(signature.SigningTime is { } at ? at.ToOffset(TimeSpan.FromHours(7)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : "not stated")}");
            output.WriteLine($"  Chain:         {(signature.ChainTrusted ? "trusted root" : "NOT trusted")}");
            output.WriteLine($"  Certificate:   {(signature.ValidAtSigningTime ? "valid at signing time" : "NOT valid at signing time")}");
            output.WriteLine($"  Revocation:    {signature.Revocation switch { RevocationStatus.Good => "not revoked (CRL)", RevocationStatus.Revoked => "REVOKED", _ => "not checked (no CRL for its issuer)" }}");
            output.WriteLine($"  Integrity:     {signature.Integrity switch { SignatureIntegrity.Intact => "intact", SignatureIntegrity.Modified => "MODIFIED after signing", SignatureIntegrity.SignatureInvalid => "signature value INVALID", _ => "MALFORMED" }}"
                + (signature.Integrity == SignatureIntegrity.Intact ? $"; covers revision {signature.Revision} of {revisions}{(signature.CoversWholeDocument ? " (the whole document)" : " (later revisions were appended)")}" : ""));
            foreach (var problem in signature.Problems)
            {
                output.WriteLine($"  Problem:       {problem}");
            }

            foreach (var warning in signature.Warnings)
            {
                output.WriteLine($"  Warning:       {warning}");
            }
        }

        output.WriteLine();
        output.WriteLine(report switch
        {
            { Signatures.IsEmpty: true } => "Result: NOT SIGNED — the document carries no signature.",
            { AllSignaturesValid: false } => "Result: INVALID — at least one signature does not verify.",
            { UnsignedTrailingBytes: > 0 } => $"Result: CHANGED AFTER SIGNING — {report.UnsignedTrailingBytes} bytes were appended after the last signature.",
            _ => "Result: VALID — every signature verifies and nothing was changed after the last one.",
        });
    }

    private static string Describe(SignatureReport signature) => signature.Kind switch
    {
        SignatureKind.Personal => $"personal{(signature.User is { } user ? $" (user {user})" : "")}",
        SignatureKind.Organization => $"organization{(signature.Unit is { } unit ? $" (unit {unit})" : "")}",
        _ => "unknown (no known certificate policy)",
    };

    private static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine(message);
        return 1;
    }
}
