using System.Globalization;
using Workflows.Engine.Definitions;
using Workflows.Engine.Validation;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Sla;

/// <summary>Checks a procedure's SLA policy against the rest of the definition (roles, rung order).</summary>
public static class SlaValidator
{
    public static IEnumerable<ValidationProblem> Validate(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var policy = definition.Sla;
        var roles = definition.Roles.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var usesLeader = policy.Escalation.Any(r => r.Role is null && r.Action is EscalationAction.NotifyUnitLeader)
            || policy.LeaderRole != SlaPolicy.DefaultLeaderRole;
        if (usesLeader && !roles.Contains(policy.LeaderRole))
        {
            yield return new ValidationProblem("unknown-role", "$.sla.leaderRole", $"The leader role '{policy.LeaderRole}' is not in $.roles; add it there (the unit leader is notified of overdue steps), or name another with \"leaderRole\".");
        }

        // Ladders are read top to bottom by analysts and officials; a rung earlier than the one before it is a typo.
        var previous = decimal.MinValue;
        for (var i = 0; i < policy.Escalation.Length; i++)
        {
            var rung = policy.Escalation[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"$.escalation[{i}]");
            if (rung.Role is { } role && !roles.Contains(role))
            {
                yield return new ValidationProblem("unknown-role", at + ".role", $"Rung {i} names role '{role}', which is not in $.roles.");
            }

            if (rung.Role is not null && rung.Action is not (EscalationAction.Reassign or EscalationAction.NotifyUnitLeader))
            {
                yield return new ValidationProblem("unexpected-role", at + ".role", $"Only reassign and notify-unit-leader rungs address a role; remove \"role\" from this {KebabCase.Name(rung.Action)} rung.");
            }

            var hours = rung.After.ToWorkingHours(8m);
            if (hours < previous)
            {
                yield return new ValidationProblem("escalation-out-of-order", at + ".after", $"Rung {i} ({rung.After}) comes before the rung above it; list rungs from the earliest offset to the latest.");
            }

            previous = Math.Max(previous, hours);
        }

        if (policy.Escalation.Count(r => r.Action == EscalationAction.DraftApology) > 1)
        {
            yield return new ValidationProblem("duplicate-apology", "$.escalation", "Only one rung may draft the apology (form 04): a new appointment may be given only once.");
        }
    }
}
