using System.Collections.Immutable;
using Workflows.Engine.Definitions;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Events;

/// <summary>
/// A satisfaction rating, shaped for the service-index indicators: which unit and procedure, the nine
/// per-criterion scores (0/1/2), their total out of 18, and the channel; the recorded event's instant is when.
/// </summary>
public sealed record ServiceRated(UnitId Unit, ProcedureId Procedure, ImmutableArray<int> Scores, int Total, string Channel) : WorkflowEvent;
