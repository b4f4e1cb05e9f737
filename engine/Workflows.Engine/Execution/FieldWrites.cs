using Workflows.Engine.Definitions;
using Workflows.Engine.Forms;

namespace Workflows.Engine.Execution;

/// <summary>
/// Who may write which form field with which command (<see cref="FieldWriter"/>). Every refusal says who does write
/// the field, so the caller knows to leave it out rather than retry.
/// </summary>
internal static class FieldWrites
{
    /// <summary>The applicant submits applicant fields only.</summary>
    public static Func<FormField, string?> AtSubmission(ProcedureDefinition definition) => field => field.WrittenBy switch
    {
        FieldWriter.Applicant => null,
        FieldWriter.System => SystemOnly(definition, field),
        _ => $"Field '{field.Key}' ({field.Label}) is filled in by an official at step {StepsWriting(definition, field)}, not by the applicant; leave it out of the submission.",
    };

    /// <summary>A step writes the fields it lists and nothing else; a step with no field list writes nothing.</summary>
    public static Func<FormField, string?> AtStep(ProcedureDefinition definition, StepDefinition step) => field =>
    {
        if (field.WrittenBy == FieldWriter.System)
        {
            return SystemOnly(definition, field);
        }

        if (step.Fields.Contains(field.Key))
        {
            return null;
        }

        var fields = step.Fields.IsEmpty ? "writes no form fields" : $"writes only: {string.Join(", ", step.Fields)}";
        return $"Field '{field.Key}' ({field.Label}) cannot be written at step '{step.Id}' ({step.Name}), which {fields}.";
    };

    /// <summary>Data the definition itself computes (an automatic step's <c>set</c>) writes every field but the system's.</summary>
    public static Func<FormField, string?> ByDefinition(ProcedureDefinition definition) => field =>
        field.WrittenBy == FieldWriter.System ? SystemOnly(definition, field) : null;

    private static string SystemOnly(ProcedureDefinition definition, FormField field) =>
        definition.Steps.FirstOrDefault(s => s.Numbering?.Field == field.Key)?.Numbering is { } rule
            ? $"Field '{field.Key}' ({field.Label}) is numbered from the unit's '{rule.Register}' register by the system; leave it out instead of typing a number."
            : $"Field '{field.Key}' ({field.Label}) is assigned by the system; leave it out.";

    private static string StepsWriting(ProcedureDefinition definition, FormField field) =>
        string.Join(" or ", definition.Steps.Where(s => s.Fields.Contains(field.Key)).Select(s => $"'{s.Id}' ({s.Name})"));
}
