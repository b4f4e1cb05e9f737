namespace Workflows.Api.Infrastructure;

public sealed class SeedOptions
{
    /// <summary>Publish the sample procedures from the procedures/ folder on start (unchanged files publish nothing).</summary>
    public bool Procedures { get; set; } = true;

    /// <summary>Create the demo units and users (officials of a demo province and commune).</summary>
    public bool DemoDirectory { get; set; } = true;

    /// <summary>Folder holding procedures/&lt;id&gt;/definition.json; relative paths are under the app's base folder.</summary>
    public string ProceduresPath { get; set; } = "procedures";
}
