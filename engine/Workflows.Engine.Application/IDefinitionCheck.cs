using Workflows.Engine.Definitions;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Application;

/// <summary>
/// A host's own rule about definitions, run by <see cref="ProcedureCatalog"/> beside the core's validator wherever a
/// definition is validated, saved or published. For facts the pure core cannot know, e.g. which result templates
/// this build can print (Workflows.Api's ResultTemplateCheck).
/// </summary>
public interface IDefinitionCheck
{
    IEnumerable<ValidationProblem> Check(ProcedureDefinition definition);
}
