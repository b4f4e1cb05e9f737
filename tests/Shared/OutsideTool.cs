using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;

namespace Workflows.Tests.Shared;

/// <summary>
/// Programs outside .NET that some tests check the product with (pdfsig, pdftotext, certutil, chromium, node). On a
/// developer's machine a missing one skips the test with what to install; with WORKFLOWS_REQUIRE_TOOLS=1 (set by
/// .ci/run, like WORKFLOWS_REQUIRE_POSTGRES) it fails the test instead, so CI can never pass by checking less.
/// Linked into every test project by tests/Directory.Build.props.
/// </summary>
internal static class OutsideTool
{
    public const string RequireVariable = "WORKFLOWS_REQUIRE_TOOLS";

    /// <summary>Whether this run must have every outside tool (CI).</summary>
    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>The program's path on PATH, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);

    /// <summary>The program's path; skips (or, when required, fails) the calling test when it is not installed.</summary>
    public static string Require(string name, string package) =>
        Find(name) ?? Missing($"'{name}' is not installed; install it with: apt-get update && apt-get install -y {package}");

    /// <summary>Stops the calling test because something it checks with is missing: a skip, or a failure when required.</summary>
    [DoesNotReturn]
    public static string Missing(string why)
    {
        if (Required)
        {
            Assert.Fail($"{why} ({RequireVariable}=1: every outside tool is required.)");
        }

        Assert.Skip(why);
        throw new UnreachableException();
    }
}
