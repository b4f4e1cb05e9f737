using System.Collections.Immutable;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Execution;

/// <summary>
/// Moves a running dossier from the version it started on to a newer version of the same procedure. Never
/// implicit: an analyst asks for it with a mapping of the dossier's waiting steps to steps of the new version
/// (a step with the same id maps to itself). Everything else about the dossier — data, status, clock — stays.
/// </summary>
public static class InstanceMigration
{
    public static Decision Migrate(
        ExecutableProcedure from,
        ExecutableProcedure to,
        InstanceState state,
        IReadOnlyDictionary<StepId, StepId> mapping,
        Actor actor,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(actor);

        if (state.Definition != from.Key)
        {
            return Decision.Reject(RejectionCodes.WrongDefinition, $"Dossier {state.Dossier} runs on {state.Definition}, not {from.Key}.");
        }

        if (to.Key.Procedure != from.Key.Procedure || to.Key.Version <= from.Key.Version)
        {
            return Decision.Reject(RejectionCodes.WrongDefinition, $"A dossier on {from.Key} can only move to a later version of '{from.Key.Procedure}', not {to.Key}.");
        }

        if (state.IsCompleted)
        {
            return Decision.Reject(RejectionCodes.DossierCompleted, $"Dossier {state.Dossier} is closed; closed dossiers keep the version they ran on.");
        }

        if (!state.JoinArrivals.IsEmpty)
        {
            return Decision.Reject(RejectionCodes.InvalidData, $"Dossier {state.Dossier} is between a parallel split and its join; migrate it once its branches have joined.");
        }

        var moved = ImmutableList.CreateBuilder<ActiveStep>();
        var used = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var effects = new List<Effect>();
        var problems = new List<string>();
        foreach (var step in state.ActiveSteps)
        {
            var target = mapping.TryGetValue(step.Step, out var mapped) ? mapped : step.Step;
            if (!to.TryStep(target, out var definition))
            {
                problems.Add($"waiting step '{step.Step}' has no counterpart: map it to a step of version {to.Key.Version}.");
                continue;
            }

            if (definition.Kind.IsHumanTask() != step.Kind.IsHumanTask() || (definition.Kind == StepKind.Timer) != (step.Kind == StepKind.Timer))
            {
                problems.Add($"waiting step '{step.Step}' ({KebabCase.Name(step.Kind)}) cannot become '{target}' ({KebabCase.Name(definition.Kind)}).");
                continue;
            }

            used[step.Step.Value] = target.Value;
            var unit = definition.Unit ?? step.Unit;
            var keepsAssignee = definition.Role == step.Role && unit == step.Unit;
            moved.Add(step with
            {
                Step = target,
                Kind = definition.Kind,
                Role = definition.Role,
                Unit = unit,
                Assignee = keepsAssignee ? step.Assignee : null,
                Bookmark = step.Bookmark with { MatchKey = definition.Kind == StepKind.Timer ? "timer" : $"role:{definition.Role}@{unit}" },
            });
            if (definition.Kind.IsHumanTask())
            {
                effects.Add(new RetargetTask(new TaskId(state.Dossier, step.Instance), to.Key, target, definition.Kind, definition.Name, definition.Role!, unit ?? state.Unit, keepsAssignee ? step.Assignee : null));
            }
        }

        if (problems.Count > 0)
        {
            return Decision.Reject(RejectionCodes.InvalidData, $"Dossier {state.Dossier} cannot move to {to.Key}: {string.Join(" ", problems)}");
        }

        var migrated = new DossierMigrated(from.Key, to.Key, used.ToImmutable());
        var next = state with
        {
            Definition = to.Key,
            DeadlineRule = SameRule(state.DeadlineRule, from.Definition, to.Definition),
            ActiveSteps = moved.ToImmutable(),
            Version = state.Version + 1,
            LastEventSequence = state.LastEventSequence + 1,
        };
        return new Accepted(next, [new RecordedEvent(next.LastEventSequence, now, actor.User, migrated)], [.. effects]);
    }

    /// <summary>
    /// The applied deadline rule is named by its position; in the new version it is the rule with the same trigger and
    /// deadline (wherever it moved). Without one the appointment stays as it is and the rule is no longer named.
    /// </summary>
    private static int? SameRule(int? rule, Definitions.ProcedureDefinition from, Definitions.ProcedureDefinition to)
    {
        if (rule is not { } i || i >= from.DeadlineRules.Length)
        {
            return null;
        }

        var applied = from.DeadlineRules[i] with { Reason = null };
        var found = to.DeadlineRules.Select(r => r with { Reason = null }).ToList().IndexOf(applied);
        return found >= 0 ? found : null;
    }
}
