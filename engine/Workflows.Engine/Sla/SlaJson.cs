using System.Collections.Immutable;
using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Sla;

/// <summary>Maps the SLA parts of a definition file to <see cref="SlaPolicy"/> and back, reporting each bad value with its location.</summary>
public static class SlaJson
{
    /// <param name="problem">Receives (code, location, message) for every bad value.</param>
    public static SlaPolicy Map(SlaDocument? sla, IReadOnlyList<EscalationRungDocument>? escalation, Action<string, string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (sla is null && escalation is null)
        {
            return SlaPolicy.Default;
        }

        var policy = SlaPolicy.Default;
        if (sla?.StepDueSoon is { } step)
        {
            policy = Threshold(step, "$.sla.stepDueSoon", problem) is { } d ? policy with { StepDueSoon = d } : policy;
        }

        if (sla?.DossierDueSoon is { } dossier)
        {
            policy = Threshold(dossier, "$.sla.dossierDueSoon", problem) is { } d ? policy with { DossierDueSoon = d } : policy;
        }

        if (sla?.LeaderRole is { } leader)
        {
            policy = policy with { LeaderRole = leader };
        }

        var rungs = ImmutableArray.CreateBuilder<EscalationRung>();
        for (var i = 0; i < (escalation?.Count ?? 0); i++)
        {
            var rung = escalation![i];
            var at = $"$.escalation[{i}]";
            var ok = true;
            if (!WorkingOffset.TryParse(rung.After, out var after, out var error))
            {
                problem("invalid-offset", at + ".after", rung.After is null ? "Every rung needs \"after\": a working-time offset from the step's due instant, e.g. \"-1d\" or \"4h\"." : error);
                ok = false;
            }

            if (!KebabCase.TryParse<EscalationAction>(rung.Action, out var action))
            {
                problem("unknown-escalation-action", at + ".action", $"Unknown escalation action \"{rung.Action}\"; use one of: {string.Join(", ", Enum.GetValues<EscalationAction>().Select(a => KebabCase.Name(a)))}.");
                ok = false;
            }

            if (ok)
            {
                rungs.Add(new EscalationRung(after, action) { Role = string.IsNullOrWhiteSpace(rung.Role) ? null : rung.Role });
            }
        }

        return policy with { Escalation = rungs.ToImmutable() };
    }

    public static SlaDocument? ToSlaDocument(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var d = SlaPolicy.Default;
        return policy.StepDueSoon == d.StepDueSoon && policy.DossierDueSoon == d.DossierDueSoon && policy.LeaderRole == d.LeaderRole
            ? null
            : new SlaDocument
            {
                StepDueSoon = policy.StepDueSoon == d.StepDueSoon ? null : policy.StepDueSoon.ToString(),
                DossierDueSoon = policy.DossierDueSoon == d.DossierDueSoon ? null : policy.DossierDueSoon.ToString(),
                LeaderRole = policy.LeaderRole == d.LeaderRole ? null : policy.LeaderRole,
            };
    }

    public static List<EscalationRungDocument>? ToEscalationDocuments(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return policy.Escalation.IsDefaultOrEmpty
            ? null
            : [.. policy.Escalation.Select(r => new EscalationRungDocument { After = r.After.ToString(), Action = KebabCase.Name(r.Action), Role = r.Role })];
    }

    private static WorkingDuration? Threshold(string text, string at, Action<string, string, string> problem)
    {
        if (WorkingDuration.TryParse(text, out var duration, out var error) && duration.Unit != WorkingDurationUnit.SameDay)
        {
            return duration;
        }

        problem("invalid-duration", at, duration.Unit == WorkingDurationUnit.SameDay && error.Length == 0 ? $"\"{text}\" is a same-day duration; a due-soon threshold is working days or hours, e.g. \"1d\"." : error);
        return null;
    }
}
