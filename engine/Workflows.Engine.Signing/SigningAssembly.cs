namespace Workflows.Engine.Signing;

/// <summary>Placeholder until the signing issue lands.</summary>
internal static class SigningAssembly;
