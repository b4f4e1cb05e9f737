using System.Text.Json;
using Workflows.Engine.Definitions;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Execution.Signatures;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Execution;

/// <summary>
/// The signature gate (docs/domain.md "Digital signatures": no signature, no result): a signing outcome of a signature step needs the
/// approving leader's own valid personal signature, an issue step the issuing unit's valid organization
/// signature applied on exactly the revision the leader signed. Evidence comes verified from the adapter; the
/// core decides whether it is the right signature for this dossier, this step and this person.
/// </summary>
internal sealed partial class ExecutionRun
{
    private ResultSignatures signatures = state.Signatures;

    /// <summary>Checks and records the signature a completing step needs; null when there is none to check or it passes.</summary>
    public Rejection? AcceptSignature(ActiveStep step, string outcome, SignatureEvidence? evidence)
    {
        var definition = procedure.Step(step.Step);
        if (SigningRules.KindFor(definition.Kind) is not { } expected || !SigningRules.Signs(definition, outcome))
        {
            return null;
        }

        var rejection = expected == SignatureEvidenceKind.Personal
            ? CheckPersonal(definition, evidence)
            : CheckOrganization(step, definition, evidence);
        if (rejection is not null)
        {
            return rejection;
        }

        var signed = SignedResult.From(step.Instance, evidence!);
        signatures = expected == SignatureEvidenceKind.Personal
            ? new ResultSignatures(signed, null) // a new approval supersedes any earlier seal
            : signatures with { Organization = signed };
        events.Add(new ResultSigned(signed));
        return null;
    }

    private Rejection? CheckPersonal(StepDefinition step, SignatureEvidence? evidence)
    {
        if (Common(step, evidence, SignatureEvidenceKind.Personal) is { } rejection)
        {
            return rejection;
        }

        return evidence!.Holder == actor.User.Value
            ? null
            : new Rejection(SignatureRejectionCodes.WrongSigner, $"The personal signature is by '{evidence.Holder}' (certificate {evidence.CertificateSerial}), but '{actor.User}' is approving. Each leader signs with the certificate bound to their own account.");
    }

    private Rejection? CheckOrganization(ActiveStep active, StepDefinition step, SignatureEvidence? evidence)
    {
        if (Common(step, evidence, SignatureEvidenceKind.Organization) is { } rejection)
        {
            return rejection;
        }

        var unit = active.Unit ?? state.Unit;
        if (evidence!.Holder != unit.Value)
        {
            return new Rejection(SignatureRejectionCodes.WrongUnit, $"The organization signature is the e-seal of '{evidence.Holder}' (certificate {evidence.CertificateSerial}), but unit '{unit}' issues this result. Seal with '{unit}''s certificate.");
        }

        if (signatures.Personal is not { } personal)
        {
            return NeedsPersonalSignature()
                ? new Rejection(SignatureRejectionCodes.ResultNotSigned, "The result has no personal signature of the approving leader yet, so it cannot be sealed. Return it to the leader for approval.")
                : NumberMatches(active, step, evidence);
        }

        if (!string.Equals(evidence.AppliedOnDigest, personal.SignedRevisionDigest, StringComparison.OrdinalIgnoreCase))
        {
            return new Rejection(SignatureRejectionCodes.ResultChangedAfterApproval, $"The result changed after approval: the seal was applied on a document (SHA-256 {Short(evidence.AppliedOnDigest)}) other than the one '{personal.Holder}' signed (SHA-256 {Short(personal.SignedRevisionDigest)}). Seal the document exactly as the leader signed it.");
        }

        return NumberMatches(active, step, evidence);
    }

    private Rejection? NumberMatches(ActiveStep active, StepDefinition step, SignatureEvidence evidence) =>
        evidence.ResultNumber is { } printed && ProspectiveNumber(active, step) is { } number && printed != number
            ? new Rejection(SignatureRejectionCodes.ResultNumberMismatch, $"The sealed document carries number '{printed}', but the register gives '{number}' (another result was numbered meanwhile). Render and seal the result again.")
            : null;

    private bool NeedsPersonalSignature() =>
        procedure.Definition.Steps.Any(s => s.Kind == StepKind.Signature && !SigningRules.SignOutcomes(s).IsEmpty);

    private static Rejection? Common(StepDefinition step, SignatureEvidence? evidence, SignatureEvidenceKind expected)
    {
        var what = expected == SignatureEvidenceKind.Personal ? "the approving leader's personal signature" : "the issuing unit's organization signature (e-seal)";
        if (evidence is null)
        {
            return new Rejection(SignatureRejectionCodes.SignatureRequired, $"No signature, no result: step '{step.Id}' ({step.Name}) needs {what} on the result document. Sign the result, then complete the step.");
        }

        if (evidence.Kind != expected)
        {
            return new Rejection(SignatureRejectionCodes.WrongSignatureKind, $"Step '{step.Id}' needs {what}, but the certificate {evidence.CertificateSerial} is for a {KebabCase.Name(evidence.Kind)} signature.");
        }

        if (evidence.Verdict != SignatureVerdict.Valid)
        {
            var reason = string.IsNullOrWhiteSpace(evidence.VerdictReason) ? "" : $" ({evidence.VerdictReason.Trim()})";
            return new Rejection(SignatureRejectionCodes.SignatureNotValid, $"The signature with certificate {evidence.CertificateSerial} is {KebabCase.Name(evidence.Verdict)}{reason}; it cannot stand on a result. Sign again with a valid certificate.");
        }

        return null;
    }

    /// <summary>The number <see cref="AssignNumber"/> will give this step, so a sealed document can be checked against it.</summary>
    private string? ProspectiveNumber(ActiveStep step, StepDefinition definition)
    {
        if (definition.Numbering is not { } rule)
        {
            return null;
        }

        if (data.TryGetValue(rule.Field, out var existing) && existing.ValueKind == JsonValueKind.String)
        {
            return existing.GetString();
        }

        var key = new RegisterKey(step.Unit ?? state.Unit, rule.Register, RegisterYear(now));
        return NumberFormat.Apply(rule.Format, Registers.LastOf(key) + 1, key);
    }

    /// <summary>Result-ready needs every signature the procedure's steps ask for, however the dossier got there.</summary>
    private Rejection? CheckResultSigned()
    {
        var needsPersonal = NeedsPersonalSignature();
        var needsSeal = procedure.Definition.Steps.Any(s => s.Kind == StepKind.Issue && !SigningRules.SignOutcomes(s).IsEmpty);
        if ((needsPersonal && signatures.Personal is null) || (needsSeal && signatures.Organization is null))
        {
            return new Rejection(SignatureRejectionCodes.ResultNotSigned, $"No signature, no result: the dossier cannot become '{KebabCase.Name(DossierStatus.ResultReady)}' before the result carries {(signatures.Personal is null ? "the leader's personal signature" : "the issuing unit's e-seal")}.");
        }

        return null;
    }

    private static string Short(string digest) => digest.Length > 16 ? digest[..16] + "…" : digest;
}
