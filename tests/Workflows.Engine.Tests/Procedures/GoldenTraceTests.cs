using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.Calendar;
using Workflows.Engine.Execution;
using Workflows.Engine.Serialization;
using Workflows.Engine.Simulation;
using Workflows.Engine.Tests.Support;
using Workflows.Tests.Shared;

namespace Workflows.Engine.Tests.Procedures;

/// <summary>
/// Every procedures/&lt;id&gt;/traces/&lt;name&gt;.script.json is replayed on the real calendar and its trace must
/// equal &lt;name&gt;.trace.json byte for byte. After an intended change, regenerate with
/// WORKFLOWS_UPDATE_TRACES=1 and review the diff like code.
/// </summary>
public class GoldenTraceTests
{
    public static TheoryData<string, string> Scripts()
    {
        var data = new TheoryData<string, string>();
        foreach (var script in Directory.EnumerateFiles(SampleProcedures.Folder, "*.script.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var procedure = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(script)))!;
            data.Add(procedure, Path.GetFileName(script).Replace(".script.json", "", StringComparison.Ordinal));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Replaying_the_script_gives_the_recorded_trace(string procedure, string name)
    {
        var folder = Path.Combine(SampleProcedures.Folder, procedure, "traces");
        var script = JsonSerializer.Deserialize<SimulationScript>(File.ReadAllText(Path.Combine(folder, name + ".script.json")), WorkflowJson.Options)!;
        var executable = ExecutableProcedure.Create(SampleProcedures.Load(procedure));
        var calendars = DefaultCalendarSource.Around(script.SubmittedAt);

        var trace = new Simulator(calendars).Run(executable, script);
        var actual = JsonSerializer.Serialize(trace, WorkflowJson.Indented) + "\n";

        trace.Failure.ShouldBeNull();
        var expectedFile = Path.Combine(folder, name + ".trace.json");
        if (Environment.GetEnvironmentVariable("WORKFLOWS_UPDATE_TRACES") == "1")
        {
            File.WriteAllText(Path.Combine(RepositoryRoot.Path, "procedures", procedure, "traces", name + ".trace.json"), actual);
            return;
        }

        File.Exists(expectedFile).ShouldBeTrue($"No recorded trace {procedure}/traces/{name}.trace.json; run the tests once with WORKFLOWS_UPDATE_TRACES=1 and review it.");
        actual.ShouldBe(File.ReadAllText(expectedFile), $"The trace of {procedure}/{name} changed. If intended, regenerate with WORKFLOWS_UPDATE_TRACES=1 and review the diff.");
    }
}
