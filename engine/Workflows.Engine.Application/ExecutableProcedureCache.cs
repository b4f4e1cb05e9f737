using System.Collections.Concurrent;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;

namespace Workflows.Engine.Application;

/// <summary>
/// Compiled published definitions by version. Safe to cache forever because a published version never
/// changes; losing the cache (restart) only costs a reload. Drafts are never cached.
/// </summary>
public sealed class ExecutableProcedureCache(IDefinitionStore definitions)
{
    private readonly ConcurrentDictionary<DefinitionKey, ExecutableProcedure> cache = new();

    public async Task<ExecutableProcedure?> FindAsync(DefinitionKey key, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var stored = await definitions.FindAsync(key, cancellationToken);
        if (stored is null || stored.Status == DefinitionStatus.Draft)
        {
            return null;
        }

        return cache.GetOrAdd(key, _ => ExecutableProcedure.Create(stored.Definition));
    }
}
