using System.Collections.Immutable;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Signatures;
using Workflows.Engine.Identity;
using Workflows.Engine.Persistence;
using Workflows.Engine.Printing.Forms;
using Workflows.Engine.Printing;
using Workflows.Engine.Signing;
using Workflows.Engine.Signing.Pades;

namespace Workflows.Api.Features.Signing;

/// <summary>
/// What a signature on a dossier's result is applied to: the freshly rendered result (approval) or the
/// leader-signed revision (issue, with the register's next number), for whom, and which step it completes.
/// </summary>
internal sealed record ResultSigningInput(
    string TaskId,
    DossierId Dossier,
    int StepInstance,
    string Outcome,
    SignatureEvidenceKind Kind,
    UnitId Unit,
    byte[] Pdf,
    SignatureRequest Request,
    string? Number,
    int LatestRevision)
{
    public static async Task<(ResultSigningInput? Input, ProblemHttpResult? Problem)> ForAsync(string taskId, string? outcome, Actor actor, SigningServices services, CancellationToken ct)
    {
        if (!Engine.Execution.TaskId.TryParse(taskId, out var id))
        {
            return (null, Problems.NotFound(RejectionCodes.TaskNotOpen, $"'{taskId}' is not a task id (expected <dossier id>.<step number>)."));
        }

        if (string.IsNullOrWhiteSpace(outcome))
        {
            return (null, Problems.Unprocessable(RejectionCodes.UnknownOutcome, "Say which outcome you sign: \"outcome\" is required (e.g. \"approve\" or \"issued\")."));
        }

        var state = await services.Dossiers.FindAsync(id.Dossier, ct);
        if (state is null)
        {
            return (null, Problems.NotFound(RejectionCodes.DossierNotFound, $"Dossier {id.Dossier} does not exist."));
        }

        var procedure = await services.Procedures.FindAsync(state.Definition, ct);
        var active = state.FindActive(id.StepInstance);
        if (procedure is null || active is null)
        {
            return (null, Problems.From(Rejection.TaskNotOpen(id.StepInstance)));
        }

        var step = procedure.Step(active.Step);
        var unit = active.Unit ?? state.Unit;
        if (SigningRules.KindFor(step.Kind) is not { } kind || !SigningRules.Signs(step, outcome))
        {
            return (null, Problems.Unprocessable("not-a-signing-outcome", $"Outcome '{outcome}' of step '{step.Id}' ({step.Name}) signs nothing; complete it with POST /api/tasks/{taskId}/complete."));
        }

        // Checked before anything is signed, so nobody gets a document signed with a key that is not theirs to use.
        if (active.Role is { } role && (actor.Unit != unit || !actor.HasRole(role) || (active.Assignee is { } assignee && assignee != actor.User)))
        {
            return (null, Problems.From(new Rejection(RejectionCodes.NotAuthorized, $"Task {id.StepInstance} ({step.Name}) is for role '{role}' in unit '{unit}'; '{actor.User}' may not sign it.")));
        }

        var now = services.Time.GetUtcNow();
        var latest = await services.Documents.LatestAsync(state.Dossier, ct);
        if (kind == SignatureEvidenceKind.Personal)
        {
            // The leader signs the result as the dossier stands now; a rework re-renders it.
            var rendered = await ResultDrafts.RenderAsync(state, procedure, services.Directory, ct);
            var request = (rendered.Area(SignatureFields.Leader) is { } area ? SignatureRequest.For(area) : new SignatureRequest(SignatureKind.Personal, SignatureFields.Leader))
                with { ExpectedUser = actor.User, Reason = "Phê duyệt kết quả" };
            return (new ResultSigningInput(taskId, state.Dossier, id.StepInstance, outcome, kind, unit, rendered.Pdf, request, null, latest?.Revision ?? 0), null);
        }

        if (latest is not { Kind: ResultDocumentKind.Approved })
        {
            return (null, Problems.From(new Rejection(SignatureRejectionCodes.ResultNotSigned, "The result has no personal signature of the approving leader yet, so it cannot be sealed. Return it to the leader for approval.")));
        }

        var number = await NextNumberAsync(state, step, unit, services.Registers, now, ct);
        // The seal's widget goes over the block the renderer reserved for it, recorded in the stored PDF itself.
        var sealArea = RenderedDocument.AreasIn(latest.Pdf).FirstOrDefault(a => a.FieldName == SignatureFields.OrganizationSeal);
        var seal = (sealArea is null ? new SignatureRequest(SignatureKind.Organization, SignatureFields.OrganizationSeal) : SignatureRequest.For(sealArea)) with
        {
            ExpectedUnit = unit,
            Reason = number is null ? "Phát hành kết quả" : $"Phát hành kết quả số {number}",
            Inscriptions = IssueInscriptions(latest.Pdf, number, VietnameseText.LocalDate(now)),
        };
        return (new ResultSigningInput(taskId, state.Dossier, id.StepInstance, outcome, kind, unit, latest.Pdf, seal, number, latest.Revision), null);
    }

    /// <summary>
    /// The number and the issue date, printed by the seal where the leader's page left them blank (ADR 0022), as a
    /// clerk's signing tool does. A revision rendered before the blanks were recorded gets none: its number stays in
    /// the seal's /Reason only.
    /// </summary>
    private static ImmutableArray<Inscription> IssueInscriptions(byte[] approved, string? number, DateOnly issuedOn)
    {
        var slots = RenderedDocument.SlotsIn(approved);
        return
        [
            .. slots.Where(s => s.Name == TextSlots.Number && number is not null).Select(s => new Inscription(s, number!)),
            .. slots.Where(s => s.Name == TextSlots.IssueDate).Select(s => new Inscription(s, VietnameseText.DateLine(issuedOn))),
        ];
    }

    /// <summary>The number the core will assign at issue, so it can go into the seal's signed dictionary first.</summary>
    private static async Task<string?> NextNumberAsync(InstanceState state, StepDefinition step, UnitId unit, IRegisterStore registers, DateTimeOffset now, CancellationToken ct)
    {
        if (step.Numbering is not { } rule)
        {
            return null;
        }

        if (state.Data.TryGetValue(rule.Field, out var existing) && existing.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            return existing.GetString();
        }

        var key = new RegisterKey(unit, rule.Register, now.ToOffset(Engine.Calendar.WorkingCalendarDefinition.VietnamUtcOffset).Year);
        var snapshot = await registers.ReadAsync([key], ct);
        return NumberFormat.Apply(rule.Format, snapshot.LastOf(key) + 1, key);
    }
}

/// <summary>A prepared two-phase signature waiting for the token's answer.</summary>
internal sealed record PendingResultSignature(ResultSigningInput Input, UserId Signer, string? Comment, X509Certificate2 Certificate);
