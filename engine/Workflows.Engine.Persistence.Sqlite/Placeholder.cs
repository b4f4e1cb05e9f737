namespace Workflows.Engine.Persistence.Sqlite; internal static class Placeholder { }
