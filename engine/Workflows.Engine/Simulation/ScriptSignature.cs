using Workflows.Engine.Definitions;
using Workflows.Engine.Execution.Signatures;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Simulation;

/// <summary>
/// Synthetic signature evidence for a scripted approve or issue command. The simulator signs nothing: it states
/// what a verified signature would prove, so scripts can show the gate (wrong person, revoked, changed after
/// approval) without certificates. Omitted parts default to a valid signature by the acting person (personal)
/// or their unit (organization), made at the command's instant.
/// </summary>
public sealed record ScriptSignature
{
    /// <summary>"personal" or "organization"; default: personal at a signature step, organization at an issue step.</summary>
    public string? Kind { get; init; }

    /// <summary>User id or unit id the certificate is bound to; default: the actor, or the actor's unit.</summary>
    public string? Holder { get; init; }

    /// <summary>"valid" (default), "invalid", "modified", "untrusted", "expired" or "revoked".</summary>
    public string? Verdict { get; init; }

    public string? VerdictReason { get; init; }

    public string? Certificate { get; init; }

    /// <summary>A name for the revision this signature produced (any text stands for its digest).</summary>
    public required string SignedDigest { get; init; }

    /// <summary>A name for the revision the signature was applied on.</summary>
    public required string AppliedOn { get; init; }

    public string? ResultNumber { get; init; }

    public DateTimeOffset? SigningTime { get; init; }

    internal (SignatureEvidence? Evidence, string? Error) ToEvidence(StepKind stepKind, string user, string unit, DateTimeOffset at)
    {
        var kind = SigningRules.KindFor(stepKind) ?? SignatureEvidenceKind.Personal;
        if (Kind is not null && !KebabCase.TryParse(Kind, out kind))
        {
            return (null, $"signature kind '{Kind}' is not personal or organization.");
        }

        var verdict = SignatureVerdict.Valid;
        if (Verdict is not null && !KebabCase.TryParse(Verdict, out verdict))
        {
            return (null, $"signature verdict '{Verdict}' is not one of valid, invalid, modified, untrusted, expired, revoked.");
        }

        var holder = Holder ?? (kind == SignatureEvidenceKind.Personal ? user : unit);
        var certificate = Certificate ?? $"sim-{holder}";
        return (new SignatureEvidence(kind, holder, certificate, certificate, SigningTime ?? at, verdict, SignedDigest, AppliedOn)
        {
            VerdictReason = VerdictReason,
            ResultNumber = ResultNumber,
        }, null);
    }
}
