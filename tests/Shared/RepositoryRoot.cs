namespace Workflows.Tests.Shared;

/// <summary>
/// The checkout the tests run from: the folder holding Workflows.sln above the test binaries. Tests that read or
/// regenerate committed files (golden traces, sample procedures, the seed directory, the OpenAPI validator) start
/// here. Linked into every test project by tests/Directory.Build.props.
/// </summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Workflows.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Workflows.sln not found above {AppContext.BaseDirectory}; run the tests from a checkout of the repository.");
    }
}
