using System.Collections.Concurrent;
using Workflows.Engine.Identity;

namespace Workflows.Api.Features.Signing;

/// <summary>
/// Lets one server-key issue per unit at a time read the next result number, seal a PDF carrying it and commit.
/// The number must be printed and sealed before the core assigns it, so two clerks of one unit sealing at once
/// would both print N+1 and one of them would have to seal again (result-number-mismatch). Inside one host the
/// gate makes them take turns instead; across hosts the core's check still refuses a taken number and the clerk
/// seals again, so correctness never depends on the gate. The two-phase (token) path is not gated: a person holds
/// it open between two requests.
/// </summary>
public sealed class ResultNumberGate
{
    // One semaphore per unit that ever issued a numbered result: bounded by the directory's units.
    private readonly ConcurrentDictionary<UnitId, SemaphoreSlim> gates = new();

    public async Task<IDisposable> EnterAsync(UnitId unit, CancellationToken cancellationToken)
    {
        var gate = gates.GetOrAdd(unit, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        return new Turn(gate);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
