using System.Collections.Immutable;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Commands;

/// <summary>Where a satisfaction rating was given.</summary>
public enum RatingChannel
{
    /// <summary>Recorded by the desk officer while returning the result.</summary>
    Desk,

    /// <summary>Given by the applicant on the portal afterwards.</summary>
    Online,
}

/// <summary>
/// The applicant's satisfaction with one dossier (Decision 766/QD-TTg): nine criteria, each scored 0, 1 or 2.
/// Given once, when the result is ready or within <see cref="ServiceRating.Window"/> after it was returned.
/// </summary>
public sealed record RateService(ImmutableArray<int> Scores, RatingChannel Channel, Actor Actor) : WorkflowCommand(Actor);
