using System.CommandLine;

namespace Workflows.Cli.Commands;

/// <summary><c>workflows calendar ...</c>: working-time arithmetic on the default calendar.</summary>
internal static class CalendarCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("calendar", "Working-calendar arithmetic (due instants, holidays).");
        command.SetAction(_ =>
        {
            console.Error.WriteLine("Not yet implemented.");
            return 1;
        });
        return command;
    }
}
