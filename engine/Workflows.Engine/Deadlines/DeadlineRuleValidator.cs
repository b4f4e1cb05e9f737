using System.Globalization;
using Workflows.Engine.Definitions;
using Workflows.Engine.Expressions;
using Workflows.Engine.Forms;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Deadlines;

/// <summary>Checks "deadlineRules" against the rest of the definition: the deadline they replace, fields, steps and outcomes.</summary>
public static class DeadlineRuleValidator
{
    public static IEnumerable<ValidationProblem> Validate(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.DeadlineRules.IsDefaultOrEmpty)
        {
            yield break;
        }

        if (definition.Deadline is null)
        {
            yield return new ValidationProblem("deadline-rule-without-deadline", "$.deadline", "Deadline rules replace the procedure's deadline in some cases; give the procedure its usual \"deadline\" too (e.g. \"same-day@15:00\").");
        }

        var fieldTypes = definition.Form.Fields.DistinctBy(f => f.Key).ToDictionary(
            f => f.Key,
            f => f.Type switch { FieldType.Number => ExpressionType.Number, FieldType.Boolean => ExpressionType.Boolean, _ => ExpressionType.Text },
            StringComparer.Ordinal);
        var steps = definition.Steps.DistinctBy(s => s.Id).ToDictionary(s => s.Id);
        for (var i = 0; i < definition.DeadlineRules.Length; i++)
        {
            var rule = definition.DeadlineRules[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"$.deadlineRules[{i}]");
            if (rule.Deadline == definition.Deadline)
            {
                yield return new ValidationProblem("deadline-rule-unchanged", at + ".deadline", $"Rule {i} gives the procedure's own deadline {rule.Deadline}; a rule must change it. Remove the rule or give the deadline that applies in its case.");
            }

            if (rule.When is { } when)
            {
                foreach (var problem in CheckCondition(when, at + ".when", fieldTypes))
                {
                    yield return problem;
                }
            }
            else if (rule.Step is { } stepId)
            {
                if (!steps.TryGetValue(stepId, out var step) || !step.Kind.IsHumanTask())
                {
                    yield return new ValidationProblem("unknown-step", at + ".outcome.step", $"Rule {i} waits for an outcome of step '{stepId}', which is not a person's step of this procedure.");
                }
                else if (!step.Outcomes.Contains(rule.Outcome!, StringComparer.Ordinal))
                {
                    yield return new ValidationProblem("unknown-outcome", at + ".outcome.outcome", $"Step '{stepId}' has no outcome '{rule.Outcome}'; use one of: {string.Join(", ", step.Outcomes)}.") { Step = stepId.Value };
                }
            }
        }
    }

    private static IEnumerable<ValidationProblem> CheckCondition(string text, string at, Dictionary<string, ExpressionType> fieldTypes)
    {
        var parsed = Expression.Parse(text);
        if (!parsed.Succeeded)
        {
            return parsed.Errors.Select(e => new ValidationProblem("invalid-expression", at, $"\"{text}\" at character {e.Position + 1}: {e.Message}"));
        }

        return parsed.Expression!.CheckFields(fieldTypes).Select(e => new ValidationProblem(
            e.Message.StartsWith("Unknown field", StringComparison.Ordinal) ? "unknown-field" : "expression-type", at, $"\"{text}\" at character {e.Position + 1}: {e.Message}"));
    }
}
