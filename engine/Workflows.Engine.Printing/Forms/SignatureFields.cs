namespace Workflows.Engine.Printing.Forms;

/// <summary>Names of the PDF signature fields our documents reserve; the signing step names the one it fills.</summary>
public static class SignatureFields
{
    /// <summary>The approving leader's personal signature (step 3).</summary>
    public const string Leader = "leader-signature";

    /// <summary>The issuing unit's organization signature, the e-seal (step 4).</summary>
    public const string OrganizationSeal = "organization-seal";

    /// <summary>The official who received, refused or asked for a supplement at the desk.</summary>
    public const string Official = "official-signature";
}
