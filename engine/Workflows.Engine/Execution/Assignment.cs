using System.Collections.Immutable;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution;

/// <summary>How a task is given to one official when it opens, instead of waiting in the role's shared inbox.</summary>
public enum AssignmentRule
{
    /// <summary>Each new task goes to the next holder of the role, in user-id order, wrapping around.</summary>
    RoundRobin,

    /// <summary>Each new task goes to the holder of the role with the fewest open tasks (ties: user-id order).</summary>
    LeastLoaded,
}

/// <summary>The officials who hold <see cref="Role"/> in <see cref="Unit"/>: the people a task of that role may go to.</summary>
public readonly record struct AssignmentPool(UnitId Unit, string Role)
{
    public override string ToString() => $"{Role}@{Unit}";
}

/// <summary>One official of a pool and how many open tasks are assigned to them right now.</summary>
public sealed record AssignmentCandidate(UserId User, int OpenTasks);

/// <summary>What the directory and the inboxes said about one pool when the command was decided.</summary>
/// <param name="Cursor">How many round-robin turns the pool has given so far; the next one goes to candidate <c>Cursor % count</c>.</param>
public sealed record AssignmentPoolState(ImmutableArray<AssignmentCandidate> Candidates, long Cursor)
{
    public static readonly AssignmentPoolState Empty = new([], 0);

    public AssignmentCandidate? Find(UserId user) => Candidates.FirstOrDefault(c => c.User == user);
}

/// <summary>
/// The pools a command may assign tasks from, read by the runtime before deciding (like <see cref="RegisterSnapshot"/>).
/// The core picks and asks the store to move the round-robin cursor only if nobody moved it meanwhile
/// (<see cref="Effects.AdvanceAssignmentCursor"/>), so concurrent dossiers never take the same turn.
/// </summary>
public sealed record AssignmentSnapshot(ImmutableDictionary<AssignmentPool, AssignmentPoolState> Pools)
{
    public static readonly AssignmentSnapshot Empty = new(ImmutableDictionary<AssignmentPool, AssignmentPoolState>.Empty);

    public AssignmentPoolState For(AssignmentPool pool) => Pools.GetValueOrDefault(pool) ?? AssignmentPoolState.Empty;

    /// <summary>Builds a pool from the holders of its role in its unit; candidates are kept in user-id order.</summary>
    public static AssignmentPoolState Pool(IEnumerable<AssignmentCandidate> candidates, long cursor) =>
        new([.. candidates.OrderBy(c => c.User.Value, StringComparer.Ordinal)], cursor);
}
