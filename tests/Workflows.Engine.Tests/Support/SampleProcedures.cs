using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;

namespace Workflows.Engine.Tests.Support;

internal static class SampleProcedures
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "procedures");

    public static string ReadJson(string id) => File.ReadAllText(Path.Combine(Folder, id, "definition.json"));

    public static ProcedureDefinition Load(string id, int version = 1) => Parse(ReadJson(id)) with { Version = version };

    public static ProcedureDefinition Parse(string json)
    {
        var result = DefinitionJson.Parse(json);
        result.Problems.ShouldBeEmpty();
        return result.Definition!;
    }

    public static ExecutableProcedure Executable(string json, int version = 1) =>
        ExecutableProcedure.Create(Parse(json) with { Version = version });
}
