namespace Workflows.Engine.Definitions;

/// <summary>
/// The fee or charge the applicant owes for a step's service (e.g. 200,000 VND for a criminal record certificate), in whole
/// đồng. It is part of the published procedure so the portal and the desk can show it; fees that depend on the dossier
/// (2,000 VND per page, up to a cap) are computed by an automatic step's expression instead.
/// </summary>
public sealed record StepFee(long Amount)
{
    /// <summary>Vietnam's currency; fees in the national catalogue are stated in đồng.</summary>
    public const string Currency = "VND";

    /// <summary>The legal basis or what the fee covers, as the applicant reads it.</summary>
    public string? Note { get; init; }
}

/// <summary>Which result-document template (by id) the step's result is rendered from, e.g. "giay-phep-xay-dung".</summary>
public sealed record ResultTemplate(string Id)
{
    public string? Name { get; init; }
}
