using System.Globalization;
using Workflows.Engine.Definitions;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Documents;

/// <summary>Checks the checklist against the steps that enforce it.</summary>
public static class DocumentValidator
{
    public static IEnumerable<ValidationProblem> Validate(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        for (var i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"$.steps[{i}].requireDocuments");
            foreach (var outcome in step.RequireDocumentsOn.Where(o => !step.Outcomes.Contains(o)))
            {
                yield return new ValidationProblem("unknown-outcome", at, $"Step '{step.Id}' requires the documents on outcome '{outcome}', which it does not offer; use one of: {string.Join(", ", step.Outcomes)}.") { Step = step.Id.Value };
            }

            if (!step.RequireDocumentsOn.IsEmpty && !definition.Documents.Any(d => d.Required))
            {
                yield return new ValidationProblem("no-required-documents", at, $"Step '{step.Id}' checks the dossier components, but $.documents lists none as required; mark the required ones (\"required\": true).") { Step = step.Id.Value };
            }
        }
    }
}
