using System.Globalization;
using Workflows.Engine.Definitions;
using Workflows.Engine.Validation;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Execution.Signatures;

/// <summary>Checks "signOn" and that every signature and issue step signs on at least one outcome.</summary>
public static class SigningValidator
{
    public static IEnumerable<ValidationProblem> Validate(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        for (var i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"$.steps[{i}].signOn");
            var kind = SigningRules.KindFor(step.Kind);
            if (kind is null)
            {
                if (!step.SignOn.IsDefaultOrEmpty)
                {
                    yield return new ValidationProblem("sign-on-not-allowed", at, $"Only signature and issue steps sign the result; '{step.Id}' is a {KebabCase.Name(step.Kind)} step. Remove \"signOn\".") { Step = step.Id.Value };
                }

                continue;
            }

            foreach (var outcome in step.SignOn.IsDefault ? [] : step.SignOn.Where(o => !step.Outcomes.Contains(o)))
            {
                yield return new ValidationProblem("unknown-outcome", at, $"Step '{step.Id}' signs on outcome '{outcome}', which it does not offer ({string.Join(", ", step.Outcomes)}).") { Step = step.Id.Value };
            }

            if (SigningRules.SignOutcomes(step).IsEmpty)
            {
                var what = kind == SignatureEvidenceKind.Personal ? "the leader's personal signature" : "the unit's e-seal";
                yield return new ValidationProblem("sign-on-missing", at, $"{(kind == SignatureEvidenceKind.Personal ? "Signature" : "Issue")} step '{step.Id}' never asks for {what}: name the outcome that signs, e.g. \"signOn\": [\"{step.Outcomes.FirstOrDefault() ?? "approve"}\"]. No signature, no result.") { Step = step.Id.Value };
            }
        }
    }
}
