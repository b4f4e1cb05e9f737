using System.Globalization;
using Workflows.Engine.Definitions;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Execution;

/// <summary>
/// The satisfaction rating of step 5. It is the one command a closed (returned) dossier still takes, so it is
/// decided here rather than in <see cref="ExecutionRun"/>, which only runs open dossiers.
/// </summary>
public static class ServiceRating
{
    /// <summary>The nine criteria of Decision 766/QD-TTg's satisfaction component.</summary>
    public const int Criteria = 9;

    /// <summary>How long after the result was returned the applicant may still rate it.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);

    public static Decision Rate(ExecutableProcedure procedure, InstanceState state, RateService rate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(rate);
        if (state.RatedAt is { } rated)
        {
            return Decision.Reject(RatingRejections.AlreadyRated, string.Create(CultureInfo.InvariantCulture, $"Dossier {state.Dossier} was already rated at {rated:yyyy-MM-dd HH:mm}; a dossier is rated once."));
        }

        if (state.Status is not (DossierStatus.ResultReady or DossierStatus.Returned))
        {
            return Decision.Reject(RatingRejections.NotRateable, $"Dossier {state.Dossier} is '{KebabCase.Name(state.Status)}'; the service is rated when the result is returned.");
        }

        if (state.Status == DossierStatus.Returned && state.CompletedAt is { } returned && now > returned + Window)
        {
            return Decision.Reject(RatingRejections.NotRateable, string.Create(CultureInfo.InvariantCulture, $"Ratings are accepted for {Window.TotalDays:0} days after the result is returned ({returned:yyyy-MM-dd}); this one came too late."));
        }

        var byApplicant = rate.Actor.User == state.SubmittedBy;
        var byDesk = !rate.Actor.IsSystem && rate.Actor.Unit == state.Unit && !rate.Actor.Roles.IsDefaultOrEmpty && rate.Channel == RatingChannel.Desk;
        if (!byApplicant && !byDesk)
        {
            return Decision.Reject(RejectionCodes.NotAuthorized, $"Only the applicant (online) or an official of unit '{state.Unit}' recording the applicant's answers at the desk may rate dossier {state.Dossier}.");
        }

        if (rate.Scores.IsDefault || rate.Scores.Length != Criteria || rate.Scores.Any(s => s is < 0 or > 2))
        {
            return Decision.Reject(RejectionCodes.InvalidData, $"A rating scores each of the {Criteria} criteria 0 (not satisfied), 1 (satisfied) or 2 (very satisfied), in order; got [{(rate.Scores.IsDefault ? "" : string.Join(", ", rate.Scores))}].");
        }

        var rating = new ServiceRated(state.Unit, procedure.Key.Procedure, rate.Scores, rate.Scores.Sum(), KebabCase.Name(rate.Channel));
        var next = state with { Version = state.Version + 1, LastEventSequence = state.LastEventSequence + 1, RatedAt = now };
        return new Accepted(next, [new RecordedEvent(next.LastEventSequence, now, rate.Actor.User, rating)], []);
    }
}

public static class RatingRejections
{
    public const string AlreadyRated = "already-rated";
    public const string NotRateable = "not-rateable";
}
