using System.Runtime.CompilerServices;
using Workflows.Engine.Printing;

namespace Workflows.Engine.Signing.Tests;

internal static class TestStartup
{
    // The test run is the composition root for PDF generation; see PdfGenerationLicense for why the choice is explicit.
    [ModuleInitializer]
    public static void ChooseThePdfLicense() => PdfGenerationLicense.UseAgpl();
}
