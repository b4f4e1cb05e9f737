using Workflows.Engine.Execution.Signatures;

namespace Workflows.Engine.Execution.Events;

/// <summary>A verified signature was accepted on the dossier's result (personal at approval, e-seal at issue).</summary>
public sealed record ResultSigned(SignedResult Signature) : WorkflowEvent;
