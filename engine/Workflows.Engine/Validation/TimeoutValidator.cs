using System.Globalization;
using Workflows.Engine.Definitions;

namespace Workflows.Engine.Validation;

/// <summary>Checks steps that close themselves when their time passes ("timeout").</summary>
public static class TimeoutValidator
{
    public static IEnumerable<ValidationProblem> Validate(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        for (var i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            if (step.Timeout is not { } timeout)
            {
                continue;
            }

            var at = string.Create(CultureInfo.InvariantCulture, $"$.steps[{i}].timeout");
            var id = step.Id.Value;
            if (!step.Kind.IsHumanTask())
            {
                yield return new ValidationProblem("timeout-not-allowed", at, $"Step '{id}' is not a person's task, so it cannot time out; remove \"timeout\" (use a timer step to wait).") { Step = id };
                continue;
            }

            if (!step.Outcomes.Contains(timeout.Outcome))
            {
                yield return new ValidationProblem("unknown-outcome", at + ".outcome", $"Step '{id}' times out with outcome '{timeout.Outcome}', which it does not offer ({string.Join(", ", step.Outcomes)}); add it to \"outcomes\" with a transition.") { Step = id };
            }

            if (timeout.After is null && step.Budget is null)
            {
                yield return new ValidationProblem("timeout-without-time", at + ".after", $"Step '{id}' times out at its budget but has no \"budget\"; set \"after\" (e.g. \"5d\") or a budget.") { Step = id };
            }
        }
    }
}
