using System.Collections.Immutable;

namespace Workflows.Engine.Validation;

public sealed record ValidationReport(ImmutableArray<ValidationProblem> Problems)
{
    public bool IsValid => !Problems.Any(p => p.Severity == ProblemSeverity.Error);

    public IEnumerable<ValidationProblem> Errors => Problems.Where(p => p.Severity == ProblemSeverity.Error);
}
