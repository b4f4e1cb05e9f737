using System.Threading.Channels;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence.Stores;

namespace Workflows.Engine.Persistence.GroupCommit;

/// <summary>
/// <see cref="IDossierStore"/> whose saves go through one writer that commits every change waiting at that
/// moment (up to <see cref="GroupCommitOptions.MaxBatch"/>) in one transaction. Each caller still awaits its own
/// change and gets its own result: done once the batch is durable, or the very exception the single-commit
/// path would have thrown. A change that loses its version or register claim is answered with its conflict and
/// the rest of the batch is written again without it; any other failure writes every change of the batch on
/// its own, so one bad change never fails another. Nothing lives here between batches: the queue holds only
/// changes whose callers are still waiting, so a crash loses only unacknowledged, uncommitted work.
/// </summary>
internal sealed class GroupCommitDossierStore : IDossierStore, IAsyncDisposable, IDisposable
{
    private readonly EfDossierStore store;
    private readonly GroupCommitOptions options;
    private readonly Channel<PendingSave> queue = Channel.CreateUnbounded<PendingSave>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task writer;

    public GroupCommitDossierStore(EfDossierStore store, GroupCommitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.store = store;
        this.options = options;
        writer = Task.Run(WriteLoopAsync);
    }

    public Task<InstanceState?> FindAsync(DossierId dossier, CancellationToken cancellationToken) => store.FindAsync(dossier, cancellationToken);

    public Task<IReadOnlyList<RecordedEvent>> ReadHistoryAsync(DossierId dossier, CancellationToken cancellationToken) =>
        store.ReadHistoryAsync(dossier, cancellationToken);

    public Task<IdempotencyRecord?> FindIdempotencyAsync(string key, CancellationToken cancellationToken) =>
        store.FindIdempotencyAsync(key, cancellationToken);

    public Task SaveAsync(DossierChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        cancellationToken.ThrowIfCancellationRequested();

        // Serialized here, on the caller's thread, so the one writer only copies the strings.
        DossierRows.WriteAhead(change);
        var pending = new PendingSave(change, cancellationToken);
        if (!queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(GroupCommitDossierStore), "The dossier store is shutting down; nothing was written.");
        }

        return pending.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        // Changes already queued are still written: their callers are waiting for an answer.
        queue.Writer.TryComplete();
        await writer;
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        writer.GetAwaiter().GetResult();
    }

    private async Task WriteLoopAsync()
    {
        var reader = queue.Reader;
        var batch = new List<PendingSave>(options.MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            if (options.MaxWait > TimeSpan.Zero && reader.Count < options.MaxBatch)
            {
                // Wall-clock batching window, not domain time: the system clock is the right one even under a fake clock.
                await Task.Delay(options.MaxWait, TimeProvider.System);
            }

            batch.Clear();
            while (batch.Count < options.MaxBatch && reader.TryRead(out var pending))
            {
                // A caller that gave up before its change was written gets its cancellation, and nothing is written.
                if (!pending.Cancellation.IsCancellationRequested || !pending.Done.TrySetCanceled(pending.Cancellation))
                {
                    batch.Add(pending);
                }
            }

            await WriteAsync(batch);
        }
    }

    private async Task WriteAsync(List<PendingSave> batch)
    {
        // Losers are answered only after the rest of their batch is written: a caller that decides again
        // (the runtime's retry, a register's next number) must read what the winners left, or it would lose
        // again on the same stale read and burn its attempts.
        var lost = new List<(PendingSave Pending, ConcurrencyConflictException Conflict)>();
        try
        {
            await WriteExceptLosersAsync(batch, lost);
        }
        finally
        {
            lost.ForEach(l => l.Pending.Done.TrySetException(l.Conflict));
        }
    }

    private async Task WriteExceptLosersAsync(List<PendingSave> batch, List<(PendingSave Pending, ConcurrencyConflictException Conflict)> lost)
    {
        while (batch.Count > 1)
        {
            var planned = Plan(batch);
            try
            {
                await store.WriteAllAsync(planned, CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    if (!ReferenceEquals(planned[i], batch[i].Change))
                    {
                        batch[i].Change.Renumbering!.Wrote(planned[i]);
                    }

                    batch[i].Done.TrySetResult();
                }

                return;
            }
            catch (BatchMemberConflictException e)
            {
                // The loser's conflict is real (its claim ran against committed rows plus the batch before it):
                // set it aside, write the rest again.
                lost.Add((batch[e.Index], e.Conflict));
                batch.RemoveAt(e.Index);
            }
#pragma warning disable CA1031 // reason: not swallowed; every change of the batch is retried alone and its caller gets that outcome
            catch (Exception)
#pragma warning restore CA1031
            {
                // A failed insert (a duplicate dossier or request key, a first register number) or anything else:
                // which change caused it is unknown, so each is written alone and answered on its own.
                break;
            }
        }

        foreach (var pending in batch)
        {
            try
            {
                await store.SaveAsync(pending.Change, CancellationToken.None);
                pending.Done.TrySetResult();
            }
#pragma warning disable CA1031 // reason: the exception is the caller's answer, handed over, not swallowed
            catch (Exception e)
#pragma warning restore CA1031
            {
                pending.Done.TrySetException(e);
            }
        }
    }

    /// <summary>
    /// The changes to write, in order: a change decided on a register number an earlier change of the batch already
    /// takes is decided again on the batch's running register (when it can be), so the batch hands out consecutive
    /// numbers, gapless, instead of failing all but the first. The running register starts at what the first
    /// change of the batch was decided on; if that was stale, the first change loses its claim and the batch is
    /// planned again without it.
    /// </summary>
    private static List<DossierChange> Plan(List<PendingSave> batch)
    {
        var running = new Dictionary<RegisterKey, long>();
        var planned = new List<DossierChange>(batch.Count);
        foreach (var pending in batch)
        {
            var change = pending.Change;
            if (change.Renumbering is { } renumbering
                && change.Effects.OfType<ConsumeNumber>().Any(c => running.TryGetValue(c.Register, out var last) && c.Number != last + 1)
                && renumbering.DecideOn(new RegisterSnapshot(renumbering.Numbers.Last.SetItems(running))) is { } again)
            {
                change = again;
            }

            foreach (var consume in change.Effects.OfType<ConsumeNumber>())
            {
                if (!running.TryGetValue(consume.Register, out var last) || consume.Number == last + 1)
                {
                    running[consume.Register] = consume.Number;
                }
            }

            planned.Add(change);
        }

        return planned;
    }

    private sealed record PendingSave(DossierChange Change, CancellationToken Cancellation)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
