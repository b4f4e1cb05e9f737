namespace Workflows.Engine.Application.Ports;

/// <summary>Life of a definition version: edited as a draft, published once (then immutable), later retired.</summary>
public enum DefinitionStatus
{
    Draft,
    Published,
    Retired,
}
