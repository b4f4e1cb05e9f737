using System.Text.Json;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Commands;

/// <summary>A person finishes their step with one of its outcomes, possibly filling in form fields.</summary>
public sealed record CompleteTask(
    int StepInstance,
    string Outcome,
    IReadOnlyDictionary<string, JsonElement> Data,
    Actor Actor) : WorkflowCommand(Actor)
{
    public string? Comment { get; init; }

    /// <summary>The verified signature a signing outcome of a signature or issue step needs (see <see cref="Signatures.SigningRules"/>).</summary>
    public Signatures.SignatureEvidence? Signature { get; init; }
}
