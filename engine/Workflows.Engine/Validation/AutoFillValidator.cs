using System.Globalization;
using Workflows.Engine.Definitions;
using Workflows.Engine.Forms;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Validation;

/// <summary>Checks that a national-ID field's registry auto-fill writes existing fields of a fitting type.</summary>
public static class AutoFillValidator
{
    public static IEnumerable<ValidationProblem> Validate(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var fields = definition.Form.Fields;
        var byKey = fields.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var filledBy = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (field.AutoFill is not { } autoFill)
            {
                continue;
            }

            var at = string.Create(CultureInfo.InvariantCulture, $"$.form.fields[{i}].autoFill");
            if (field.Type != FieldType.NationalId)
            {
                yield return new ValidationProblem("autofill-needs-national-id", at, $"Field '{field.Key}' is a {KebabCase.Name(field.Type)} field; only a national-id field can fill others from the population registry. Move \"autoFill\" to the national-id field.");
                continue;
            }

            foreach (var (target, attribute) in autoFill.Fills)
            {
                var targetAt = $"{at}.fills.{target}";
                if (!byKey.TryGetValue(target, out var filled))
                {
                    yield return new ValidationProblem("unknown-field", targetAt, $"Field '{field.Key}' fills '{target}', which is not a field of the form; add it or remove it from \"fills\".");
                    continue;
                }

                if (target == field.Key)
                {
                    yield return new ValidationProblem("autofill-self", targetAt, $"Field '{field.Key}' cannot fill itself; remove '{target}' from \"fills\".");
                    continue;
                }

                var fitting = RegistryAutoFill.TargetTypesOf(attribute);
                if (!fitting.Contains(filled.Type))
                {
                    yield return new ValidationProblem("autofill-type-mismatch", targetAt, $"The registry's {KebabCase.Name(attribute)} cannot go into '{target}', a {KebabCase.Name(filled.Type)} field; make '{target}' a {string.Join(" or ", fitting.Select(t => KebabCase.Name(t)))} field or fill another one.");
                }

                if (!filledBy.TryAdd(target, field.Key))
                {
                    yield return new ValidationProblem("autofill-conflict", targetAt, $"Field '{target}' is filled by both '{filledBy[target]}' and '{field.Key}'; let one national-id field fill it.");
                }
            }
        }
    }
}
