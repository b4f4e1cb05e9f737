namespace Workflows.Engine.Printing;

/// <summary>
/// Who a signature speaks for: a person (the leader's personal signature at step 3) or the issuing unit
/// (the organization's e-seal at step 4). Read from the signer's certificate, never from the PDF.
/// </summary>
public enum SignatureKind
{
    /// <summary>The certificate names neither kind; such a signature cannot satisfy the result gate.</summary>
    Unknown,

    Personal,

    Organization,
}
