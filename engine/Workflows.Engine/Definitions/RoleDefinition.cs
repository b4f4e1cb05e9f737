namespace Workflows.Engine.Definitions;

/// <summary>A role the procedure assigns steps to, e.g. "desk-officer", "specialist", "leader", "clerk".</summary>
public sealed record RoleDefinition(string Id, string Name);
