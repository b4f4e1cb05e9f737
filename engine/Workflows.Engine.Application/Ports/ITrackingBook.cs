using Workflows.Engine.Execution;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Application.Ports;

/// <summary>Form 06 (the unit's tracking book): every dossier of a unit submitted in a period, oldest first.</summary>
public interface ITrackingBook
{
    Task<IReadOnlyList<InstanceState>> ListAsync(UnitId unit, DateTimeOffset from, DateTimeOffset until, int skip, int take, CancellationToken cancellationToken);
}
