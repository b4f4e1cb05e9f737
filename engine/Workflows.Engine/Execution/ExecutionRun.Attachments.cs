using System.Collections.Immutable;
using System.Globalization;
using Workflows.Engine.Definitions;
using Workflows.Engine.Documents;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Sla;
using Workflows.Engine.Validation;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Execution;

/// <summary>
/// Step 1 "receive &amp; digitize": attachments against the procedure's checklist, the desk's accept refused while a
/// required component is missing, and the applicant's supplement window (docs/domain.md "Deadlines, pauses and budgets").
/// </summary>
internal sealed partial class ExecutionRun
{
    private ImmutableList<Attachment> attachments = state.Attachments;

    public Rejection? Attach(Attachment attachment, int? stepInstance)
    {
        if (MayAttach(stepInstance) is { } refused)
        {
            return refused;
        }

        if (CheckAttachment(attachment) is { } invalid)
        {
            return invalid;
        }

        if (attachments.Exists(a => a.Id == attachment.Id))
        {
            return new Rejection(DocumentRejections.AttachmentExists, $"The dossier already has an attachment '{attachment.Id}'; use a new id for a new file.");
        }

        if (attachments.Count >= DocumentLimits.MaxAttachmentsPerDossier)
        {
            return new Rejection(DocumentRejections.TooManyAttachments, string.Create(CultureInfo.InvariantCulture, $"A dossier holds at most {DocumentLimits.MaxAttachmentsPerDossier} attachments; remove ones that are no longer needed first."));
        }

        var attached = attachment with { AttachedAt = now, AttachedBy = actor.User, StepInstance = stepInstance };
        attachments = attachments.Add(attached);
        events.Add(new DocumentAttached(attached));
        return null;
    }

    public Rejection? RemoveAttachment(string id)
    {
        var attachment = attachments.Find(a => a.Id == id);
        if (attachment is null)
        {
            return new Rejection(DocumentRejections.AttachmentNotFound, $"The dossier has no attachment '{id}'; reload the dossier to see its attachments.");
        }

        if (MayAttach(attachment.StepInstance is { } i && active.Exists(s => s.Instance == i) ? i : null) is { } refused)
        {
            return refused;
        }

        attachments = attachments.Remove(attachment);
        events.Add(new DocumentRemoved(attachment.Id, attachment.Component, attachment.FileName));
        return null;
    }

    /// <summary>Rules a person's completion must pass besides outcome and form: the checklist, the supplement window.</summary>
    public Rejection? CheckBeforeCompleting(ActiveStep step, string outcome)
    {
        var definition = procedure.Step(step.Step);
        if (definition.RequireDocumentsOn.Contains(outcome))
        {
            var missing = procedure.Definition.Documents.Where(d => d.Required && !attachments.Exists(a => a.Component == d.Key)).ToList();
            if (missing.Count > 0)
            {
                return new Rejection(DocumentRejections.DocumentsMissing, $"'{definition.Name}' cannot end with '{outcome}' while required components are missing: {string.Join("; ", missing.Select(d => $"{d.Name} ({d.Key})"))}. Attach them, or request a supplement listing them (form 02).");
            }
        }

        if (IsSupplementWindowStep(definition) && step.DueAt is { } deadline && now > deadline)
        {
            return new Rejection(DocumentRejections.SupplementWindowClosed, $"The window to supplement closed at {deadline:yyyy-MM-dd HH:mm} ({procedure.Definition.Policies.SupplementWindow} working time after the request); the dossier can no longer be supplemented and may be stopped. Contact unit '{state.Unit}'.");
        }

        return null;
    }

    /// <summary>The applicant's own supplement step gets the procedure's window as its due instant.</summary>
    private DateTimeOffset? SupplementWindowDue(StepDefinition step) =>
        IsSupplementWindowStep(step) && procedure.Definition.Policies.SupplementWindow is { } window ? calendar.Add(now, window) : null;

    private void PlanSupplementWindow(ActiveStep step)
    {
        if (step.DueAt is { } due && IsSupplementWindowStep(procedure.Step(step.Step)))
        {
            Schedule([new SlaTimer(step.Instance, TimerPurpose.SupplementWindow, 0, due)]);
        }
    }

    /// <summary>The window's timer fired with the applicant's step still open: tell who asked and who may stop the dossier.</summary>
    private void SupplementWindowClosed(ActiveStep step)
    {
        var deadline = step.DueAt!.Value;
        events.Add(new SupplementWindowExpired(step.Instance, deadline));
        var message = $"The applicant did not supplement dossier {state.Dossier} by {deadline:yyyy-MM-dd HH:mm}; it may now be stopped with that reason.";
        var roles = new List<string>();
        if (step.CameFrom is { } requester && procedure.Step(requester).Role is { } role && role != DefinitionValidator.ApplicantRole)
        {
            roles.Add(role);
        }

        roles.AddRange(procedure.Definition.Policies.StopRoles.Where(r => !roles.Contains(r)));
        foreach (var r in roles)
        {
            effects.Add(new Notify(state.Dossier, step.Instance, NotificationKind.SupplementWindowExpired, Recipient.Group(r, state.Unit), message));
        }
    }

    /// <summary>
    /// The applicant has the whole supplement window the procedure promises (and form 02 told them); stopping the dossier
    /// for the missing supplement before it closes would take that time away, so it waits for the window to close (from
    /// its closing instant on, when the timer tells the stop roles, the stop is allowed).
    /// </summary>
    private Rejection? StopRefusedWhileSupplementWindowOpen()
    {
        var waiting = active.Find(s => IsSupplementWindowStep(procedure.Step(s.Step)) && s.DueAt is { } due && now < due);
        return waiting is null
            ? null
            : new Rejection(DocumentRejections.SupplementWindowOpen, $"The supplement window is open until {waiting.DueAt:yyyy-MM-dd HH:mm} ({procedure.Definition.Policies.SupplementWindow} working time after the request); the applicant may still supplement, so the dossier cannot be stopped before then. Stop it after the window closes if nothing arrives, or record the applicant's withdrawal if they asked for it.");
    }

    private static bool IsSupplementWindowStep(StepDefinition step) =>
        step.Role == DefinitionValidator.ApplicantRole && step.Status == DossierStatus.SupplementRequested;

    /// <summary>The applicant while the dossier waits for them; an official who can work the named (or any) open task.</summary>
    private Rejection? MayAttach(int? stepInstance)
    {
        if (stepInstance is { } instance)
        {
            return FindTaskFor(instance, mayClaim: false).Rejection;
        }

        if (actor.User == state.SubmittedBy && status is DossierStatus.New or DossierStatus.SupplementRequested)
        {
            return null;
        }

        if (active.Exists(s => s.Kind.IsHumanTask() && FindTaskFor(s.Instance, mayClaim: false).Rejection is null))
        {
            return null;
        }

        return new Rejection(RejectionCodes.NotAuthorized, actor.User == state.SubmittedBy
            ? $"The applicant can attach files while the dossier is new or a supplement is requested; it is '{KebabCase.Name(status)}'."
            : $"'{actor.User}' has no open task on this dossier, so cannot attach files to it.");
    }

    private Rejection? CheckAttachment(Attachment a)
    {
        if (!Slug.IsValid(a.Id))
        {
            return Invalid($"The attachment id \"{a.Id}\" is not valid: {Slug.Describe(a.Id, "attachment")}");
        }

        if (string.IsNullOrWhiteSpace(a.FileName) || a.FileName.Length > DocumentLimits.MaxFileNameLength || a.FileName.Any(c => char.IsControl(c) || c is '/' or '\\'))
        {
            return Invalid(string.Create(CultureInfo.InvariantCulture, $"The file name must be 1–{DocumentLimits.MaxFileNameLength} characters without folders or control characters."));
        }

        // "scan\u202Efdp.exe" reads as "scanexe.pdf": a name that reorders or hides characters misleads whoever opens it.
        if (Forms.TextInput.Problem(a.FileName, "The file name", multiLine: false) is { } unreadable)
        {
            return Invalid(unreadable);
        }

        if (a.Sha256.Length != 64 || !a.Sha256.All(char.IsAsciiHexDigitLower))
        {
            return Invalid("The content digest must be 64 lower-case hexadecimal digits (SHA-256).");
        }

        if (a.Size <= 0)
        {
            return Invalid("The file is empty; scan the component again.");
        }

        DocumentRequirement? requirement = null;
        if (a.Component != DocumentLimits.OtherComponent)
        {
            requirement = procedure.Definition.Documents.FirstOrDefault(d => d.Key == a.Component);
            if (requirement is null)
            {
                var keys = procedure.Definition.Documents.Select(d => d.Key).Append(DocumentLimits.OtherComponent);
                return new Rejection(DocumentRejections.UnknownComponent, $"Procedure '{procedure.Key.Procedure}' has no dossier component '{a.Component}'; use one of: {string.Join(", ", keys)}.");
            }
        }

        var accepted = requirement?.AcceptedTypes ?? MediaTypes.Known;
        if (!accepted.Contains(a.MediaType))
        {
            return new Rejection(DocumentRejections.UnsupportedMediaType, $"'{a.FileName}' is {(MediaTypes.IsKnown(a.MediaType) ? "a " + MediaTypes.Describe(a.MediaType) : "not a file type the store recognises")}; {requirement?.Name ?? "this dossier"} accepts {string.Join(", ", accepted.Select(MediaTypes.Describe))}.");
        }

        var max = requirement?.MaxBytes ?? DocumentLimits.MaxBytes;
        return a.Size > max
            ? new Rejection(DocumentRejections.FileTooLarge, string.Create(CultureInfo.InvariantCulture, $"'{a.FileName}' has {a.Size} bytes; {requirement?.Name ?? "a file"} may have at most {max} bytes ({max / 1024.0 / 1024.0:0.#} MB). Scan at a lower resolution or split it."))
            : null;
    }

    private static Rejection Invalid(string message) => new(DocumentRejections.InvalidAttachment, message);
}
