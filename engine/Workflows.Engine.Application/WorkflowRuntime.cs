using System.Collections.Immutable;
using System.Text.Json;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Application;

/// <summary>
/// The data flow of one command (docs/architecture.md, "One command, end to end"): load the dossier and its pinned definition, let the core
/// decide, persist the decision in one transaction. On a concurrency conflict the command is decided again
/// on the fresh state, which is safe because deciding has no side effects.
/// </summary>
public sealed class WorkflowRuntime(
    IDossierStore dossiers,
    IDefinitionStore definitions,
    IRegisterStore registers,
    IAssignmentPools assignmentPools,
    ExecutableProcedureCache procedures,
    IWorkingCalendarSource calendars,
    TimeProvider clock,
    IDirectory directory)
{
    // Conflicts come from officials working the same dossier, or desks drawing from the same register, at the
    // same moment. Every round has a winner, so N simultaneous commands settle within N rounds; the bound only
    // guards against a bug turning this into an endless loop.
    private const int MaxAttempts = 50;

    private readonly WorkflowExecutor executor = new(calendars);

    public sealed record Submission(
        ProcedureId Procedure,
        int? Version,
        UnitId Unit,
        SubmissionChannel Channel,
        IReadOnlyDictionary<string, JsonElement> Data,
        Actor Actor)
    {
        /// <summary>Client-chosen key: a retried request with the same key returns the first result.</summary>
        public string? IdempotencyKey { get; init; }

        /// <summary>Fingerprint of the request body, so a key reused for a different request is refused.</summary>
        public string? RequestHash { get; init; }
    }

    public async Task<CommandOutcome> SubmitAsync(Submission submission, CancellationToken cancellationToken)
    {
        if (submission.IdempotencyKey is { } key && await ReplayAsync(key, submission.RequestHash, cancellationToken) is { } replay)
        {
            return replay;
        }

        var stored = submission.Version is { } version
            ? await definitions.FindAsync(new DefinitionKey(submission.Procedure, version), cancellationToken)
            : await definitions.FindLatestPublishedAsync(submission.Procedure, cancellationToken);
        if (stored is null || stored.Status != DefinitionStatus.Published)
        {
            return Reject(RuntimeRejections.ProcedureNotPublished, submission.Version is { } v
                ? $"Procedure '{submission.Procedure}' has no published version {v}; dossiers can only be submitted on a published version."
                : $"Procedure '{submission.Procedure}' has no published version; publish it before submitting dossiers.");
        }

        var procedure = (await procedures.FindAsync(stored.Key, cancellationToken))!;
        if (await RejectOutsideCompetenceAsync(procedure.Definition, submission.Unit, cancellationToken) is { } notCompetent)
        {
            return notCompetent;
        }

        var now = clock.VietnamNow();
        var command = new SubmitDossier(new DossierId(Guid.CreateVersion7(now)), submission.Unit, submission.Channel, submission.Data, submission.Actor);
        var pools = await assignmentPools.ReadAsync(WorkflowExecutor.AssignmentPoolsFor(procedure, submission.Unit), cancellationToken);
        var decision = executor.Execute(procedure, null, command, now, assignments: pools);
        if (decision is not Accepted accepted)
        {
            return RejectedBy(decision);
        }

        var change = DossierChange.From(accepted) with
        {
            Idempotency = submission.IdempotencyKey is { } k ? new IdempotencyRecord(k, submission.RequestHash ?? "", command.Dossier, now) : null,
        };
        try
        {
            await dossiers.SaveAsync(change, cancellationToken);
        }
        catch (ConcurrencyConflictException) when (submission.IdempotencyKey is { } raced)
        {
            // Another request with the same key won the race; answer what it did.
            return await ReplayAsync(raced, submission.RequestHash, cancellationToken)
                ?? throw new InvalidOperationException("Idempotency key conflict without a stored record.");
        }

        return new CommandAccepted(accepted.State, accepted.Events);
    }

    /// <summary>Sends a command to an existing dossier.</summary>
    public Task<CommandOutcome> ExecuteAsync(DossierId dossier, WorkflowCommand command, CancellationToken cancellationToken) =>
        ExecuteAsync(dossier, command, [], cancellationToken);

    /// <summary>Sends a command that refers to new file content; the content is stored only if the command is accepted.</summary>
    public Task<CommandOutcome> ExecuteAsync(DossierId dossier, WorkflowCommand command, IReadOnlyList<StoredContent> contents, CancellationToken cancellationToken) =>
        ExecuteAsync(dossier, command, contents, [], cancellationToken);

    /// <summary>
    /// Sends a command that produces result PDF revisions (a signature); they are stored in the dossier's own
    /// transaction, only if the command is accepted.
    /// </summary>
    public async Task<CommandOutcome> ExecuteAsync(DossierId dossier, WorkflowCommand command, IReadOnlyList<StoredContent> contents, IReadOnlyList<StoredResultDocument> results, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var state = await dossiers.FindAsync(dossier, cancellationToken);
            if (state is null)
            {
                return Reject(RejectionCodes.DossierNotFound, $"Dossier {dossier} does not exist.");
            }

            var procedure = await procedures.FindAsync(state.Definition, cancellationToken)
                ?? throw new InvalidOperationException($"Dossier {dossier} runs on {state.Definition}, which is not stored as published.");
            var now = clock.VietnamNow();
            var numbers = await registers.ReadAsync(WorkflowExecutor.RegisterKeysFor(procedure, state, now), cancellationToken);
            var pools = await assignmentPools.ReadAsync(WorkflowExecutor.AssignmentPoolsFor(procedure, state.Unit), cancellationToken);
            var decision = executor.Execute(procedure, state, command, now, numbers, pools);
            if (decision is not Accepted accepted)
            {
                return RejectedBy(decision);
            }

            if (accepted.Events.IsEmpty && accepted.Effects.IsEmpty)
            {
                return new CommandAccepted(state, []); // nothing happened (e.g. a recompute that moved nothing): no new version
            }

            var change = DossierChange.From(accepted, state) with { Contents = [.. contents], ResultDocuments = [.. results] };
            if (accepted.Effects.Any(e => e is ConsumeNumber))
            {
                // Group commit may decide it again on the numbers an earlier change of its batch took (ADR 0017).
                var (decidedOn, pinned) = (state, change);
                change = change with
                {
                    Renumbering = new Renumbering(numbers, running =>
                        executor.Execute(procedure, decidedOn, command, now, running, pools) is Accepted again && again.Effects.Any(e => e is ConsumeNumber)
                            ? DossierChange.From(again, decidedOn) with { Contents = pinned.Contents, ResultDocuments = pinned.ResultDocuments }
                            : null),
                };
            }

            try
            {
                await dossiers.SaveAsync(change, cancellationToken);
                var written = change.Renumbering?.Written ?? change;
                return new CommandAccepted(written.State, written.Events);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone changed the dossier meanwhile: decide again on what they left.
            }
        }
    }

    /// <summary>Moves a running dossier to a newer published version with a step mapping (recorded in its history).</summary>
    public async Task<CommandOutcome> MigrateAsync(DossierId dossier, DefinitionKey target, IReadOnlyDictionary<StepId, StepId> mapping, Actor actor, CancellationToken cancellationToken)
    {
        var to = await procedures.FindAsync(target, cancellationToken);
        if (to is null)
        {
            return Reject(RuntimeRejections.ProcedureNotPublished, $"{target} is not a published version; publish it before moving dossiers to it.");
        }

        for (var attempt = 1; ; attempt++)
        {
            var state = await dossiers.FindAsync(dossier, cancellationToken);
            if (state is null)
            {
                return Reject(RejectionCodes.DossierNotFound, $"Dossier {dossier} does not exist.");
            }

            var from = (await procedures.FindAsync(state.Definition, cancellationToken))!;
            var decision = InstanceMigration.Migrate(from, to, state, mapping, actor, clock.VietnamNow());
            if (decision is not Accepted accepted)
            {
                return RejectedBy(decision);
            }

            try
            {
                await dossiers.SaveAsync(DossierChange.From(accepted, state), cancellationToken);
                return new CommandAccepted(accepted.State, accepted.Events);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // The dossier moved on meanwhile: check the mapping again against where it is now.
            }
        }
    }

    /// <summary>
    /// A dossier belongs to the unit it is submitted at and its steps are worked there, so a unit the procedure
    /// does not name would strand it with tasks for roles nobody holds; refuse it and list where to submit instead.
    /// </summary>
    private async Task<CommandRejected?> RejectOutsideCompetenceAsync(ProcedureDefinition definition, UnitId unit, CancellationToken cancellationToken)
    {
        var competent = definition.CompetentUnits;
        if (!competent.IsRestricted || competent.Units.Contains(unit))
        {
            return null;
        }

        var units = await directory.ListUnitsAsync(cancellationToken);
        string KindOf(UnitRecord u) => KebabCase.Name(u.Kind);
        if (units.FirstOrDefault(u => u.Id == unit) is { } here && competent.Admits(here.Id, KindOf(here)))
        {
            return null;
        }

        var where = units.Where(u => competent.Admits(u.Id, KindOf(u))).ToImmutableArray();
        var list = where.IsEmpty ? "none is in the unit directory" : string.Join("; ", where.Select(u => $"{u.Id} ({u.Name})"));
        return new CommandRejected(new Rejection(
            RuntimeRejections.UnitNotCompetent,
            $"'{definition.Name}' is received and decided by {competent.Describe()}, not at '{unit}'. Submit it at one of the competent units: {list}."))
        {
            CompetentUnits = where,
        };
    }

    private async Task<CommandOutcome?> ReplayAsync(string key, string? requestHash, CancellationToken cancellationToken)
    {
        var previous = await dossiers.FindIdempotencyAsync(key, cancellationToken);
        if (previous is null)
        {
            return null;
        }

        if (previous.RequestHash != (requestHash ?? ""))
        {
            return Reject(RuntimeRejections.IdempotencyKeyReused, $"Idempotency key '{key}' was already used for a different request; use a new key for a new submission.");
        }

        var state = await dossiers.FindAsync(previous.Dossier, cancellationToken)
            ?? throw new InvalidOperationException($"Idempotency key '{key}' points at missing dossier {previous.Dossier}.");
        return new CommandAccepted(state, [], Replayed: true);
    }

    private static CommandRejected RejectedBy(Decision decision) => new(((Rejected)decision).Rejection);

    private static CommandRejected Reject(string code, string message) => new(new Rejection(code, message));
}

/// <summary>Rejection codes raised around the core (catalogue, idempotency) rather than by it.</summary>
public static class RuntimeRejections
{
    public const string ProcedureNotPublished = "procedure-not-published";
    public const string UnitNotCompetent = "unit-not-competent";
    public const string IdempotencyKeyReused = "idempotency-key-reused";
    public const string InvalidDefinition = "invalid-definition";
    public const string DefinitionNotFound = "definition-not-found";
    public const string NotADraft = "not-a-draft";
    public const string DraftConflict = "draft-conflict";
}
