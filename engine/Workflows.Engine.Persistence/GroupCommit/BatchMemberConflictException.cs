using Workflows.Engine.Application.Ports;

namespace Workflows.Engine.Persistence.GroupCommit;

/// <summary>One change of a batch lost its version or register claim; the batch rolled back and names which.</summary>
internal sealed class BatchMemberConflictException(int index, ConcurrencyConflictException conflict)
    : Exception(conflict.Message, conflict)
{
    public int Index { get; } = index;

    public ConcurrencyConflictException Conflict { get; } = conflict;
}
