using System.CommandLine;
using Workflows.Engine.Definitions;
using Workflows.Engine.Validation;

namespace Workflows.Cli.Commands;

/// <summary><c>workflows validate &lt;file&gt;</c>: every problem with its location; exit 1 when there are errors.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "A definition file, e.g. procedures/birth-registration/definition.json." };
        var command = new Command("validate", "Check a procedure definition and list every problem with its location.") { file };
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(file)!;
            if (!DefinitionFile.TryRead(path, console, out var json))
            {
                return 1;
            }

            var parsed = DefinitionJson.Parse(json);
            var problems = parsed.Definition is null ? parsed.Problems : DefinitionValidator.Validate(parsed.Definition).Problems;
            foreach (var problem in problems)
            {
                var writer = problem.Severity == ProblemSeverity.Error ? console.Error : console.Out;
                writer.WriteLine($"{path.Name}: {problem.Severity.ToString().ToLowerInvariant()}: {problem}");
            }

            var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
            if (errors > 0)
            {
                console.Error.WriteLine($"{path.Name}: {errors} error(s); the definition cannot be published.");
                return 1;
            }

            var d = parsed.Definition!;
            console.Out.WriteLine($"{path.Name}: '{d.Id}' ({d.Name}) is valid: {d.Steps.Length} steps, {d.Transitions.Length} transitions.");
            return 0;
        });
        return command;
    }
}

internal static class DefinitionFile
{
    /// <summary>Files bigger than this are not definitions anyone wrote by hand or in the designer.</summary>
    public const long MaxBytes = 1024 * 1024;

    public static bool TryRead(FileInfo file, CliConsole console, out string json)
    {
        json = "";
        if (!file.Exists)
        {
            console.Error.WriteLine($"{file.FullName}: no such file.");
            return false;
        }

        if (file.Length > MaxBytes)
        {
            console.Error.WriteLine($"{file.Name}: {file.Length} bytes is larger than the {MaxBytes} bytes a definition may have.");
            return false;
        }

        json = File.ReadAllText(file.FullName);
        return true;
    }
}
