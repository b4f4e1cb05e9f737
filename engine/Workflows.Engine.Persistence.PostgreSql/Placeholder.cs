namespace Workflows.Engine.Persistence.PostgreSql; internal static class Placeholder { }
