using System.CommandLine;
using System.Text.Json;
using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Serialization;
using Workflows.Engine.Simulation;
using Workflows.Engine.Validation;

namespace Workflows.Cli.Commands;

/// <summary><c>workflows simulate &lt;file&gt; --script &lt;json&gt;</c>: run a scripted dossier in memory and print its event trace.</summary>
internal static class SimulateCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "The definition file to run (it need not be published)." };
        var script = new Option<FileInfo>("--script") { Description = "The script: submission data and commands in order (see procedures/*/traces/*.script.json).", Required = true };
        var command = new Command("simulate", "Run a scripted dossier through a definition in memory and print the event trace as JSON.") { file, script };
        command.SetAction(parseResult =>
        {
            if (!DefinitionFile.TryRead(parseResult.GetValue(file)!, console, out var json))
            {
                return 1;
            }

            var parsed = DefinitionJson.Parse(json);
            var report = parsed.Definition is null ? null : DefinitionValidator.Validate(parsed.Definition);
            if (report is not { IsValid: true })
            {
                foreach (var problem in report?.Errors ?? parsed.Problems)
                {
                    console.Error.WriteLine(problem);
                }

                console.Error.WriteLine("The definition has errors; fix them (see `workflows validate`) before simulating.");
                return 1;
            }

            SimulationScript? scenario;
            var scriptFile = parseResult.GetValue(script)!;
            try
            {
                scenario = JsonSerializer.Deserialize<SimulationScript>(File.ReadAllText(scriptFile.FullName), WorkflowJson.Options);
            }
            catch (Exception e) when (e is JsonException or IOException)
            {
                console.Error.WriteLine($"{scriptFile.Name}: not a valid script: {e.Message}");
                return 1;
            }

            var procedure = ExecutableProcedure.Create(parsed.Definition! with { Version = Math.Max(1, parsed.Definition!.Version) });
            var trace = new Simulator(DefaultCalendarSource.Around(scenario!.SubmittedAt) /* the script's own dates, so a trace never depends on when it runs */).Run(procedure, scenario);
            console.Out.WriteLine(JsonSerializer.Serialize(trace, WorkflowJson.Indented));
            if (trace.Failure is not null)
            {
                console.Error.WriteLine(trace.Failure);
                return 1;
            }

            return 0;
        });
        return command;
    }
}
