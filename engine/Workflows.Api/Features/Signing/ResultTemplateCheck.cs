using Workflows.Engine.Application;
using Workflows.Engine.Definitions;
using Workflows.Engine.Validation;

namespace Workflows.Api.Features.Signing;

/// <summary>Runs the result-template check (Workflows.Engine.Signing) on validate, save and publish.</summary>
internal sealed class ResultTemplateCheck : IDefinitionCheck
{
    public IEnumerable<ValidationProblem> Check(ProcedureDefinition definition) =>
        Engine.Printing.Templates.ResultTemplateCheck.Check(definition);
}
