using System.Diagnostics;
using Workflows.Bench.Flow;
using Workflows.Bench.Measuring;

namespace Workflows.Bench.Persisted;

/// <summary>One load level on one database: the engine's figure and the ceiling measured right before it.</summary>
public sealed record PersistedRow(string Database, LoadResult Persisted, LoadResult Ceiling, bool GroupCommit = false)
{
    /// <summary>Transitions per second against single-row durable commits per second: one to one without group commit.</summary>
    public double Ratio => Persisted.TransitionsPerSecond / Ceiling.TransitionsPerSecond;

    /// <summary>Target of issue 9: at least 0.5× one transaction per command, above 1× with group commit.</summary>
    public double Target => GroupCommit ? PersistedTables.GroupCommitTarget : PersistedTables.CeilingTarget;
}

/// <summary>
/// Dossiers through <see cref="Engine.Application.WorkflowRuntime"/> and the EF stores: N workers, each
/// submitting a dossier and completing its five steps, over and over. Each worker is one commune's desk
/// (<see cref="BirthRegistrationFlow.CommuneOf"/>), as a province's load is spread over its communes.
/// </summary>
public static class PersistedBench
{
    public static Task<LoadResult> RunAsync(BenchDatabase database, BirthRegistrationFlow flow, int workers, BenchSizes sizes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(sizes);
        var persisted = new PersistedFlow(flow, database.Runtime);
        var pools = Enumerable.Range(0, workers).Select(w => new SubmissionPool(64, seed: w)).ToArray();
        var counters = new long[workers];
        return LoadRun.RunAsync(
            workers,
            sizes.WarmUp,
            sizes.Duration,
            async (worker, record, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                var data = pools[worker][counters[worker]++];
                var commune = flow.CommuneOf(worker);
                var state = await record.TimeAsync("submit", () => persisted.SubmitAsync(commune.Unit, data, ct));
                foreach (var component in flow.Components)
                {
                    var before = state;
                    state = await record.TimeAsync("attach", () => persisted.AttachAsync(before, component, ct));
                }

                foreach (var step in commune.Steps)
                {
                    state = await record.TimeAsync("complete", () => persisted.CompleteAsync(state, step, ct));
                }

                record.DossierFinished(started);
            },
            memory: null,
            cancellationToken);
    }
}
