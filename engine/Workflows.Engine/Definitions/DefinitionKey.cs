namespace Workflows.Engine.Definitions;

/// <summary>One published (or draft) version of a procedure; instances pin the key they started on.</summary>
public readonly record struct DefinitionKey(ProcedureId Procedure, int Version)
{
    public override string ToString() => $"{Procedure}@v{Version}";
}
