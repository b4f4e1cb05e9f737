using Workflows.Engine.Execution;

namespace Workflows.Engine.Application.Ports;

/// <summary>Reads who may be assigned tasks of a (unit, role) pool, their open-task counts and the round-robin cursor.</summary>
public interface IAssignmentPools
{
    Task<AssignmentSnapshot> ReadAsync(IReadOnlyCollection<AssignmentPool> pools, CancellationToken cancellationToken);
}
