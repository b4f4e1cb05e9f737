using System.Collections.Immutable;
using System.Text.Json;
using Workflows.Engine.Definitions;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution;

/// <summary>
/// Everything the engine needs to continue a dossier's workflow. Immutable: the executor returns a new state.
/// Persisted whole (as JSON) in one row with its <see cref="Version"/> as the optimistic-concurrency token.
/// </summary>
public sealed record InstanceState(DossierId Dossier, DefinitionKey Definition, UnitId Unit, DossierStatus Status)
{
    /// <summary>Accepted commands so far; a store accepts a save only if the stored version is one less.</summary>
    public long Version { get; init; }

    /// <summary>Sequence number of the last event recorded for this dossier.</summary>
    public long LastEventSequence { get; init; }

    /// <summary>The dossier's form data, keys in ordinal order so stored JSON and traces are stable everywhere.</summary>
    public ImmutableSortedDictionary<string, JsonElement> Data
    {
        get;
        init => field = value.WithComparers(StringComparer.Ordinal);
    }

    = ImmutableSortedDictionary.Create<string, JsonElement>(StringComparer.Ordinal);

    public ImmutableList<ActiveStep> ActiveSteps { get; init; } = [];

    /// <summary>Tokens that have reached each parallel join so far.</summary>
    public ImmutableSortedDictionary<string, int> JoinArrivals
    {
        get;
        init => field = value.WithComparers(StringComparer.Ordinal);
    }

    = ImmutableSortedDictionary.Create<string, int>(StringComparer.Ordinal);

    /// <summary>
    /// Who last completed each person's step (by step id). A step opened again, for rework, goes back to that official
    /// while they still hold its role there, instead of to the next one of the pool's rule.
    /// </summary>
    public ImmutableSortedDictionary<string, UserId> StepHandlers
    {
        get;
        init => field = value.WithComparers(StringComparer.Ordinal);
    }

    = ImmutableSortedDictionary.Create<string, UserId>(StringComparer.Ordinal);

    /// <summary>The last step instance number handed out.</summary>
    public int LastStepInstance { get; init; }

    public DateTimeOffset SubmittedAt { get; init; }

    /// <summary>Who submitted the dossier: the applicant, who alone may act on "applicant" steps or withdraw it.</summary>
    public UserId? SubmittedBy { get; init; }

    /// <summary>Set while the applicant must act (supplement, fee): the legal clock stands still.</summary>
    public DateTimeOffset? ClockPausedAt { get; init; }

    /// <summary>Working time that was left until <see cref="DueAt"/> when the clock paused.</summary>
    public TimeSpan? RemainingAtPause { get; init; }

    /// <summary>When the dossier was first received; the legal clock starts here.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The appointment promised to the applicant: the procedure deadline counted from receipt.</summary>
    public DateTimeOffset? DueAt { get; init; }

    /// <summary>The procedure's deadline rule that applies (its position in "deadlineRules"); null: the procedure's own deadline.</summary>
    public int? DeadlineRule { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When the applicant's satisfaction rating was recorded (a dossier is rated once).</summary>
    public DateTimeOffset? RatedAt { get; init; }

    /// <summary>Pending SLA timers and what recomputing the appointment needs (see <see cref="Sla.SlaState"/>).</summary>
    public Sla.SlaState Sla { get; init; } = Engine.Sla.SlaState.Empty;

    /// <summary>Digitized components and officials' files attached so far (references; the bytes are stored outside).</summary>
    public ImmutableList<Documents.Attachment> Attachments { get; init; } = [];

    /// <summary>The verified signatures on the dossier's result (personal at approval, e-seal at issue).</summary>
    public Signatures.ResultSignatures Signatures { get; init; } = Execution.Signatures.ResultSignatures.None;

    public bool IsCompleted => CompletedAt is not null;

    public ActiveStep? FindActive(int stepInstance) => ActiveSteps.Find(s => s.Instance == stepInstance);
}
