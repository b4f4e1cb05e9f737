using Workflows.Engine.Execution;

namespace Workflows.Engine.Application.Ports;

/// <summary>Reads the numbering registers; numbers are taken only through a dossier change (ConsumeNumber).</summary>
public interface IRegisterStore
{
    Task<RegisterSnapshot> ReadAsync(IReadOnlyCollection<RegisterKey> keys, CancellationToken cancellationToken);
}
