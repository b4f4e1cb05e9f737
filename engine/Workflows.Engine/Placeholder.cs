namespace Workflows.Engine; internal static class Placeholder { }
