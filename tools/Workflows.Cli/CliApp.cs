using System.CommandLine;
using Workflows.Cli.Commands;

namespace Workflows.Cli;

/// <summary>The <c>workflows</c> command line: one subcommand per file under Commands/.</summary>
internal static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand("Workflows: validate, publish and simulate procedure definitions; working-calendar arithmetic.");
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(PublishCommand.Create(console));
        root.Subcommands.Add(SimulateCommand.Create(console));
        root.Subcommands.Add(CalendarCommand.Create(console));
        root.Subcommands.Add(PkiCommand.Create(console));
        root.Subcommands.Add(VerifyCommand.Create(console));

        var parseResult = root.Parse(args);
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
