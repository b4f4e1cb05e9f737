using System.Globalization;
using Workflows.Engine.Definitions;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Printing.Templates;

/// <summary>
/// A step may only name a result template this build can print: the core validator checks the id's shape, this
/// checks it exists (the registry lives beside the PDF renderer, which the pure core must not reference). The host
/// and the CLI run it wherever a definition is validated, saved or published.
/// </summary>
public static class ResultTemplateCheck
{
    public const string UnknownTemplate = "unknown-template";

    public static IEnumerable<ValidationProblem> Check(ProcedureDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        for (var i = 0; i < definition.Steps.Length; i++)
        {
            var step = definition.Steps[i];
            if (step.Template is { } template && ResultTemplates.Find(template.Id) is null)
            {
                yield return new ValidationProblem(
                    UnknownTemplate,
                    string.Create(CultureInfo.InvariantCulture, $"$.steps[{i}].template.id"),
                    $"Step '{step.Id}' names result template '{template.Id}', which this server cannot print. Pick one of GET /api/result-templates ({string.Join(", ", ResultTemplates.All.Select(t => t.Id))}) or remove the template to print the generic result.")
                {
                    Step = step.Id.Value,
                };
            }
        }
    }
}
