using System.Text.Json.Serialization;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Events;

namespace Workflows.Engine.Simulation;

/// <summary>What a script did: per command, the events recorded or the rejection; then the final state.</summary>
public sealed record SimulationTrace(string Procedure, int Version, List<TraceEntry> Entries)
{
    public TraceSummary? Final { get; init; }

    /// <summary>Why the script could not be carried out (a script error or an unexpected rejection); null when it ran as written.</summary>
    public string? Failure { get; init; }

    [JsonIgnore]
    public bool Succeeded => Failure is null;
}

public sealed record TraceEntry(string Command, DateTimeOffset At, string Actor)
{
    public List<RecordedEvent>? Events { get; init; }

    public Rejection? Rejected { get; init; }
}

public sealed record TraceSummary(string Status, DateTimeOffset? ReceivedAt, DateTimeOffset? DueAt, DateTimeOffset? CompletedAt, List<string> WaitingAt);
