using System.Globalization;
using System.Text.Json;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Execution;

/// <summary>
/// Assignment on open: the leader's pick (a user field named by <see cref="StepDefinition.AssignTo"/>) or a rule
/// (<see cref="StepDefinition.Assignment"/>) over the pool snapshot the runtime read. Deterministic: the same
/// snapshot always gives the same person.
/// </summary>
internal sealed partial class ExecutionRun
{
    public AssignmentSnapshot Assignments { get; init; } = AssignmentSnapshot.Empty;

    /// <summary>Tasks this command already gave to someone, so two tasks opened together are spread like two commands.</summary>
    private readonly Dictionary<UserId, int> assignedHere = [];

    /// <summary>Round-robin turns taken by this command, per pool.</summary>
    private readonly Dictionary<AssignmentPool, long> turnsHere = [];

    /// <summary>Assigns the task just opened for <paramref name="opened"/>, if its step says how.</summary>
    private Rejection? AssignOnOpen(StepDefinition step, ActiveStep opened)
    {
        if (step.AssignTo is null && step.Assignment is null)
        {
            return null;
        }

        var pool = new AssignmentPool(opened.Unit ?? state.Unit, step.Role!);
        var candidates = Assignments.For(pool);
        var chosen = step.AssignTo is { } field
            ? Picked(step, field, pool, candidates)
            : Returned(step, pool, candidates) ?? Ruled(step.Assignment!.Value, pool, candidates);
        if (chosen.Rejection is not null)
        {
            return chosen.Rejection;
        }

        if (chosen.User is not { } user)
        {
            return null; // nobody to give it to: the task waits in the role's shared inbox
        }

        active[active.IndexOf(opened)] = opened with { Assignee = user };
        assignedHere[user] = assignedHere.GetValueOrDefault(user) + 1;
        events.Add(new TaskAssigned(opened.Instance, user, chosen.Rule!, chosen.Reason!));
        effects.Add(new AssignTask(new TaskId(state.Dossier, opened.Instance), user));
        return null;
    }

    private (UserId? User, string? Rule, string? Reason, Rejection? Rejection) Picked(StepDefinition step, string field, AssignmentPool pool, AssignmentPoolState candidates)
    {
        if (!data.TryGetValue(field, out var value) || value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            return (null, null, null, null); // not picked (yet): the role's inbox holds the task
        }

        var text = value.GetString()!;
        if (!UserId.TryParse(text, out var user) || candidates.Find(user) is null)
        {
            var holders = candidates.Candidates.IsEmpty
                ? "nobody holds it there yet"
                : "choose one of: " + string.Join(", ", candidates.Candidates.Select(c => c.User.Value));
            return (null, null, null, new Rejection(
                RejectionCodes.InvalidData,
                $"Field '{field}' names '{text}' for step '{step.Id}' ({step.Name}), which needs role '{pool.Role}' in unit '{pool.Unit}'; {holders}."));
        }

        return (user, "picked", $"named in field '{field}'", null);
    }

    /// <summary>
    /// Rework goes back to whoever did the step before, as long as they still hold its role in that unit: they know
    /// the file, and a round-robin turn would hand it to a colleague who has never seen it. Takes no turn of the pool.
    /// </summary>
    private (UserId? User, string? Rule, string? Reason, Rejection? Rejection)? Returned(StepDefinition step, AssignmentPool pool, AssignmentPoolState candidates) =>
        handlers.TryGetValue(step.Id.Value, out var previous) && candidates.Find(previous) is not null
            ? (previous, "returned", $"did step '{step.Id}' before, so its rework comes back to them (pool {pool})", null)
            : null;

    private (UserId? User, string? Rule, string? Reason, Rejection? Rejection) Ruled(AssignmentRule rule, AssignmentPool pool, AssignmentPoolState candidates)
    {
        var people = candidates.Candidates;
        if (people.IsEmpty)
        {
            return (null, null, null, null);
        }

        var name = KebabCase.Name(rule);
        if (rule == AssignmentRule.RoundRobin)
        {
            var turn = candidates.Cursor + turnsHere.GetValueOrDefault(pool);
            turnsHere[pool] = turnsHere.GetValueOrDefault(pool) + 1;
            AdvanceCursor(pool, candidates.Cursor, turn + 1);
            var index = (int)(turn % people.Length);
            return (people[index].User, name, string.Create(CultureInfo.InvariantCulture, $"turn {turn + 1} of pool {pool}: position {index + 1} of {people.Length} ({string.Join(", ", people.Select(p => p.User.Value))})"), null);
        }

        var least = people
            .Select(p => (p.User, Open: p.OpenTasks + assignedHere.GetValueOrDefault(p.User)))
            .OrderBy(p => p.Open)
            .ThenBy(p => p.User.Value, StringComparer.Ordinal)
            .First();
        return (least.User, name, string.Create(CultureInfo.InvariantCulture, $"fewest open tasks in pool {pool}: {least.Open} ({string.Join(", ", people.Select(p => $"{p.User}: {p.OpenTasks + assignedHere.GetValueOrDefault(p.User)}"))})"), null);
    }

    /// <summary>One cursor effect per pool per command, from where the snapshot stood to where this command left it.</summary>
    private void AdvanceCursor(AssignmentPool pool, long from, long to)
    {
        var existing = effects.FindIndex(e => e is AdvanceAssignmentCursor a && a.Pool == pool);
        if (existing >= 0)
        {
            effects[existing] = new AdvanceAssignmentCursor(pool, from, to);
            return;
        }

        effects.Add(new AdvanceAssignmentCursor(pool, from, to));
    }
}
