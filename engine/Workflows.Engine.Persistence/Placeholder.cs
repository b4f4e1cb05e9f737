namespace Workflows.Engine.Persistence; internal static class Placeholder { }
