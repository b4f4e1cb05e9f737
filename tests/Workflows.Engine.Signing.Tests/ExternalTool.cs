using System.Diagnostics;
using Workflows.Tests.Shared;

namespace Workflows.Engine.Signing.Tests;

/// <summary>
/// Runs poppler-utils (pdftotext, pdfsig) and friends; a missing one skips the test with a clear message, or fails it
/// under WORKFLOWS_REQUIRE_TOOLS=1 (see <see cref="OutsideTool"/>).
/// </summary>
internal static class ExternalTool
{
    public static string? Find(string name) => OutsideTool.Find(name);

    public static string Require(string name, string package) => OutsideTool.Require(name, package);

    public static (int ExitCode, string Output) Run(string path, params string[] arguments)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }

    public static string PdfToText(byte[] pdf)
    {
        var tool = Require("pdftotext", "poppler-utils");
        var file = Path.Combine(Path.GetTempPath(), $"workflows-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var (exitCode, output) = Run(tool, "-enc", "UTF-8", file, "-");
            exitCode.ShouldBe(0, output);
            return output.Normalize(System.Text.NormalizationForm.FormC);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
