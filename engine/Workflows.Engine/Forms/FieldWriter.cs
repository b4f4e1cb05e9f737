namespace Workflows.Engine.Forms;

/// <summary>
/// Who may write a form field. Data a command may not write is refused, not ignored: a forged receipt number or an
/// appraisal note typed by the applicant must never reach the dossier (numbers come only from registers).
/// </summary>
public enum FieldWriter
{
    /// <summary>The applicant, when submitting (and the steps that list it, e.g. the desk correcting a typo).</summary>
    Applicant,

    /// <summary>Only the steps that list the field in their <c>fields</c>.</summary>
    Steps,

    /// <summary>Only the engine: numbers drawn from a register, and similar values no person types.</summary>
    System,
}
