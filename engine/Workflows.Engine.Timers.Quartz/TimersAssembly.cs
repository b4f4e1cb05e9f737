namespace Workflows.Engine.Timers.Quartz;

/// <summary>Placeholder until the timers issue lands.</summary>
internal static class TimersAssembly;
