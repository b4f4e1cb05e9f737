using System.Collections.Immutable;
using Workflows.Engine.Definitions;

namespace Workflows.Engine.Execution.Signatures;

/// <summary>Which outcomes of a signature or issue step need a verified signature on the result.</summary>
public static class SigningRules
{
    /// <summary>The outcome a signature step signs on when its definition does not say ("signOn").</summary>
    public const string DefaultApproveOutcome = "approve";

    /// <summary>
    /// The outcomes that sign: the step's own "signOn" list; else "approve" for a signature step (rework and
    /// refusal sign nothing), and every outcome of an issue step (issuing is sealing). Other kinds never sign.
    /// </summary>
    public static ImmutableArray<string> SignOutcomes(StepDefinition step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (!step.SignOn.IsDefaultOrEmpty)
        {
            return step.SignOn;
        }

        return step.Kind switch
        {
            StepKind.Signature => step.Outcomes.Contains(DefaultApproveOutcome) ? [DefaultApproveOutcome] : [],
            StepKind.Issue => step.Outcomes,
            _ => [],
        };
    }

    public static bool Signs(StepDefinition step, string outcome) => SignOutcomes(step).Contains(outcome);

    public static SignatureEvidenceKind? KindFor(StepKind kind) => kind switch
    {
        StepKind.Signature => SignatureEvidenceKind.Personal,
        StepKind.Issue => SignatureEvidenceKind.Organization,
        _ => null,
    };
}

public static class SignatureRejectionCodes
{
    public const string SignatureRequired = "signature-required";
    public const string WrongSignatureKind = "wrong-signature-kind";
    public const string WrongSigner = "wrong-signer";
    public const string WrongUnit = "wrong-unit";
    public const string SignatureNotValid = "signature-not-valid";
    public const string ResultChangedAfterApproval = "result-changed-after-approval";
    public const string ResultNumberMismatch = "result-number-mismatch";
    public const string ResultNotSigned = "result-not-signed";
}
