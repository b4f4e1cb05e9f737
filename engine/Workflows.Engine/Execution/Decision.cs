using System.Collections.Immutable;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;

namespace Workflows.Engine.Execution;

/// <summary>What the executor decided: a new state with its events and effects, or a rejection that changes nothing.</summary>
public abstract record Decision
{
    public static Decision Reject(string code, string message) => new Rejected(new Rejection(code, message));
}

public sealed record Accepted(InstanceState State, ImmutableArray<RecordedEvent> Events, ImmutableArray<Effect> Effects) : Decision;

public sealed record Rejected(Rejection Rejection) : Decision;
