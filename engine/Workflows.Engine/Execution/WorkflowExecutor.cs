using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Forms;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Execution;

/// <summary>
/// The engine's one decision: (procedure, state, command, now) → new state + events + effects, or a rejection.
/// Deterministic and side-effect free: the same inputs always give the same decision, which is what lets
/// golden traces replay and lets the outer layers retry a command after a concurrency conflict.
/// </summary>
public sealed class WorkflowExecutor(IWorkingCalendarSource calendars)
{
    /// <param name="registers">The last numbers issued in the registers this command may draw from (see <see cref="RegisterKeysFor"/>).</param>
    /// <param name="assignments">The officials of the pools this command may assign tasks to (see <see cref="AssignmentPoolsFor"/>).</param>
    public Decision Execute(ExecutableProcedure procedure, InstanceState? state, WorkflowCommand command, DateTimeOffset now, RegisterSnapshot? registers = null, AssignmentSnapshot? assignments = null)
    {
        if (command is SubmitDossier submit)
        {
            return state is null
                ? Submit(procedure, submit, now, assignments)
                : Decision.Reject(RejectionCodes.DossierExists, $"Dossier {submit.Dossier} already exists; a dossier is submitted once.");
        }

        if (state is null)
        {
            return Decision.Reject(RejectionCodes.DossierNotFound, "The dossier does not exist.");
        }

        if (state.Definition != procedure.Key)
        {
            return Decision.Reject(RejectionCodes.WrongDefinition, $"Dossier {state.Dossier} runs on {state.Definition}, not {procedure.Key}.");
        }

        if (command is RateService rate)
        {
            return ServiceRating.Rate(procedure, state, rate, now);
        }

        if (state.IsCompleted)
        {
            return Decision.Reject(RejectionCodes.DossierCompleted, $"Dossier {state.Dossier} is closed ({KebabCase.Name(state.Status)}); nothing more can be done on it.");
        }

        var (cleaned, unreadable) = WithComposedText(command);
        if (unreadable is not null)
        {
            return Decision.Reject(RejectionCodes.InvalidData, unreadable);
        }

        command = cleaned;
        var run = new ExecutionRun(procedure, state, command.Actor, now, calendars.For(state.Unit), calendars) { Registers = registers ?? RegisterSnapshot.Empty, Assignments = assignments ?? AssignmentSnapshot.Empty };
        var rejection = command switch
        {
            CompleteTask complete => Complete(run, complete),
            ClaimTask claim => run.Claim(claim.StepInstance),
            ReleaseTask release => run.Release(release.StepInstance),
            FireTimer fire => run.FireTimer(fire.StepInstance),
            WithdrawDossier withdraw => run.Withdraw(withdraw.Reason),
            StopDossier stop => run.Stop(stop.Reason),
            DelegateTask delegated => run.Delegate(delegated.StepInstance, delegated.Delegate, delegated.Note),
            ReturnTask returned => run.ReturnToPrevious(returned.StepInstance, returned.Reason),
            AddComment comment => run.Comment(comment.StepInstance, comment.Text),
            SlaTimerFired fired => run.FireSlaTimer(fired.StepInstance, fired.Purpose, fired.Rung),
            RecomputeDeadlines => run.RecomputeDeadlines(),
            GiveNewAppointment give => run.GiveNewAppointment(give.NewAppointment, give.Reason),
            AttachDocument attach => run.Attach(attach.Attachment, attach.StepInstance),
            RemoveAttachment remove => run.RemoveAttachment(remove.AttachmentId),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "Unknown command type."),
        };
        return rejection is null ? run.Finish() : new Rejected(rejection);
    }

    /// <summary>The registers a command on this dossier at <paramref name="now"/> could draw a number from.</summary>
    public static IReadOnlyList<RegisterKey> RegisterKeysFor(ExecutableProcedure procedure, InstanceState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        ArgumentNullException.ThrowIfNull(state);
        var year = ExecutionRun.RegisterYear(now);
        return [.. state.ActiveSteps
            .Select(s => (Active: s, Rule: procedure.Step(s.Step).Numbering))
            .Where(x => x.Rule is not null)
            .Select(x => new RegisterKey(x.Active.Unit ?? state.Unit, x.Rule!.Register, year))
            .Distinct()];
    }

    /// <summary>The (unit, role) pools whose steps assign on open (a pick or a rule), for a dossier of <paramref name="unit"/>.</summary>
    public static IReadOnlyList<AssignmentPool> AssignmentPoolsFor(ExecutableProcedure procedure, UnitId unit)
    {
        ArgumentNullException.ThrowIfNull(procedure);
        return [.. procedure.Definition.Steps
            .Where(s => (s.AssignTo is not null || s.Assignment is not null) && s.Role is not null)
            .Select(s => new AssignmentPool(s.Unit ?? unit, s.Role!))
            .Distinct()];
    }

    private Decision Submit(ExecutableProcedure procedure, SubmitDossier submit, DateTimeOffset now, AssignmentSnapshot? assignments)
    {
        var form = procedure.Definition.Form;
        submit = submit with { Data = TextInput.Normalize(submit.Data) };
        var problems = FormDataValidator.Validate(form, submit.Data, FieldWrites.AtSubmission(procedure.Definition), form.Fields.Where(f => f.Required).Select(f => f.Key));
        if (problems.Count > 0)
        {
            return Decision.Reject(RejectionCodes.InvalidData, string.Join(" ", problems));
        }

        var initial = new InstanceState(submit.Dossier, procedure.Key, submit.Unit, DossierStatus.New)
        {
            SubmittedAt = now,
            SubmittedBy = submit.Actor.User,
        };
        var run = new ExecutionRun(procedure, initial, submit.Actor, now, calendars.For(submit.Unit), calendars) { Assignments = assignments ?? AssignmentSnapshot.Empty };
        var rejection = run.Submit(submit);
        return rejection is null ? run.Finish() : new Rejected(rejection);
    }

    /// <summary>The command with its free text (comment, reason, note) composed (NFC), or why that text cannot be stored.</summary>
    private static (WorkflowCommand Command, string? Problem) WithComposedText(WorkflowCommand command) => command switch
    {
        AddComment c => Compose(c.Text, "The comment", text => c with { Text = text }),
        CompleteTask { Comment: { } comment } c => Compose(comment, "The comment", text => c with { Comment = text }),
        WithdrawDossier w => Compose(w.Reason, "The reason", text => w with { Reason = text }),
        StopDossier s => Compose(s.Reason, "The reason", text => s with { Reason = text }),
        ReturnTask r => Compose(r.Reason, "The reason", text => r with { Reason = text }),
        GiveNewAppointment g => Compose(g.Reason, "The reason", text => g with { Reason = text }),
        DelegateTask { Note: { } note } d => Compose(note, "The note", text => d with { Note = text }),

        // The file name is checked with the rest of the attachment (ExecutionRun.Attachments); here it is only composed.
        AttachDocument { Attachment.FileName: { } name } a => (a with { Attachment = a.Attachment with { FileName = TextInput.Normalize(name) } }, null),
        _ => (command, null),
    };

    private static (WorkflowCommand Command, string? Problem) Compose(string text, string what, Func<string, WorkflowCommand> with) =>
        TextInput.Problem(text, what) is { } problem ? (with(text), problem) : (with(TextInput.Normalize(text)), null);

    private static Rejection? Complete(ExecutionRun run, CompleteTask complete)
    {
        var (active, rejection) = run.FindTaskFor(complete.StepInstance, mayClaim: false);
        if (rejection is not null)
        {
            return rejection;
        }

        var step = run.Procedure.Step(active!.Step);
        if (!step.Outcomes.Contains(complete.Outcome))
        {
            return new Rejection(RejectionCodes.UnknownOutcome, $"Step '{step.Id}' ({step.Name}) has no outcome '{complete.Outcome}'; choose one of: {string.Join(", ", step.Outcomes)}.");
        }

        complete = complete with { Data = TextInput.Normalize(complete.Data) };
        var problems = FormDataValidator.Validate(run.Procedure.Definition.Form, complete.Data, FieldWrites.AtStep(run.Procedure.Definition, step), step.RequiredFields, run.Data);
        return problems.Count > 0
            ? new Rejection(RejectionCodes.InvalidData, string.Join(" ", problems))
            : run.CheckBeforeCompleting(active, complete.Outcome)
                ?? run.AcceptSignature(active, complete.Outcome, complete.Signature)
                ?? run.CompleteTask(active, complete.Outcome, complete.Data, complete.Comment);
    }
}
