using PdfSharp;

namespace Workflows.Engine.Printing;

/// <summary>
/// PDFsharp 6.5 is dual-licensed (AGPL-3.0-only or commercial) and refuses to work until the application says which
/// applies. That is a decision for whoever ships the product (AGPL reaches a network service's own source), so the
/// library never makes it: the composition root (API host, CLI, tests) calls one of these once at start-up.
/// See docs/adr/0007-pdf-signatures.md. Verification and invisible signatures do not use PDFsharp; visible ones need it
/// once per process, for the font subset of their appearances (ADR 0022).
/// </summary>
public static class PdfGenerationLicense
{
    public static void UseAgpl() => PdfSharpLicense.SetAgplLicense();

    public static void UseCommercial(string licenseKey) => PdfSharpLicense.LoadLicense(licenseKey);

    /// <summary>Creates the document, turning PDFsharp's terse licence exception into one that says what to do.</summary>
    internal static PdfSharp.Pdf.PdfDocument NewDocument()
    {
        try
        {
            return new PdfSharp.Pdf.PdfDocument();
        }
        catch (PdfSharp.License.PdfSharpLicenseException exception)
        {
            throw new InvalidOperationException(
                "No PDFsharp licence has been chosen: call PdfGenerationLicense.UseAgpl() or UseCommercial(key) at start-up (see docs/adr/0007-pdf-signatures.md).",
                exception);
        }
    }
}
