namespace Workflows.Cli.Tests;

internal static class Cli
{
    public static string Procedures => Path.Combine(AppContext.BaseDirectory, "procedures");

    public static async Task<(int ExitCode, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await CliApp.RunAsync(args, new CliConsole(output, error), TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    public static string TempFile(string name, string content)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("workflows-cli-").FullName, name);
        File.WriteAllText(path, content);
        return path;
    }
}
