using System.Globalization;
using Workflows.Engine.Definitions;
using Workflows.Engine.Forms;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Validation;

/// <summary>Checks the steps that open already assigned: a leader's pick (assignTo) or a rule (assignment).</summary>
public static class AssignmentValidator
{
    public static IEnumerable<ValidationProblem> Validate(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        for (var i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            if (step.AssignTo is null && step.Assignment is null)
            {
                continue;
            }

            var at = string.Create(CultureInfo.InvariantCulture, $"$.steps[{i}]");
            var id = step.Id.Value;
            if (!step.Kind.IsHumanTask() || step.Role is null || step.Role == DefinitionValidator.ApplicantRole)
            {
                yield return new ValidationProblem("assignment-not-allowed", at, $"Step '{id}' is not an official's task, so nobody can be assigned to it: remove \"assignTo\" / \"assignment\".") { Step = id };
                continue;
            }

            if (step.AssignTo is not null && step.Assignment is not null)
            {
                yield return new ValidationProblem("assignment-conflict", at + ".assignTo", $"Step '{id}' both names a picked person (\"assignTo\") and a rule (\"assignment\"); keep one.") { Step = id };
            }

            if (step.AssignTo is { } field)
            {
                var formField = definition.Form.Find(field);
                if (formField is null)
                {
                    yield return new ValidationProblem("unknown-field", at + ".assignTo", $"Step '{id}' is assigned to the person in field '{field}', which is not on the form.") { Step = id };
                }
                else if (formField.Type != FieldType.User)
                {
                    yield return new ValidationProblem("assign-to-field-type", at + ".assignTo", $"Field '{field}' names who does step '{id}', so its type must be \"user\" (it is \"{KebabCase.Name(formField.Type)}\").") { Step = id };
                }
                else if (!definition.Steps.Any(s => s.Id != step.Id && s.Kind.IsHumanTask() && (s.Fields.IsEmpty || s.Fields.Contains(field) || s.RequiredFields.Contains(field))))
                {
                    yield return new ValidationProblem("assign-to-never-set", at + ".assignTo", $"No step lets anyone fill field '{field}', so step '{id}' would always open unassigned; add it to the leader's assign step (\"fields\" and \"requiredFields\").") { Step = id, Severity = ProblemSeverity.Warning };
                }
            }
        }
    }
}
