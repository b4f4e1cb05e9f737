using System.Collections.Immutable;
using System.Text.Json;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Persistence;
using Workflows.Engine.Printing.Forms;
using Workflows.Engine.Printing.Templates;
using Workflows.Engine.Printing;

namespace Workflows.Api.Features.Signing;

/// <summary>
/// The draft result PDF of a dossier, from the result template its procedure names (ADR 0016): the template's title,
/// legal basis, the fields it prints under its own labels, its fixed statements, and the signature block (leader,
/// e-seal). A procedure naming no template gets <see cref="ResultTemplates.Fallback"/>: the procedure's name and
/// every filled form field.
/// </summary>
internal static class ResultDrafts
{
    public static async Task<RenderedDocument> RenderAsync(InstanceState state, ExecutableProcedure procedure, IDirectory directory, CancellationToken ct)
    {
        var units = await directory.ListUnitsAsync(ct);
        var unitName = units.FirstOrDefault(u => u.Id == state.Unit)?.Name ?? state.Unit.Value;
        var applicant = state.SubmittedBy is { } submitter && await directory.FindUserAsync(submitter, ct) is { } user ? user.Name : state.SubmittedBy?.Value ?? "";
        var form = procedure.Definition.Form;
        var values = state.Data
            .Where(d => d.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            .Select(d => new DossierValue(d.Key, form.Find(d.Key)?.Label ?? d.Key, Text(d.Value)))
            .ToImmutableArray();
        var receipt = state.Data.TryGetValue("receiptNumber", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : state.Dossier.ToString();
        var heading = new DossierHeading(unitName, unitName, receipt, procedure.Definition.Name, applicant);
        var named = TemplateOf(procedure.Definition);
        // Publishing refuses unknown ids (ResultTemplateCheck); a definition stored before that check still renders.
        var template = ResultTemplates.Resolve(named?.Id) ?? ResultTemplates.Fallback;
        // Undated and unnumbered: the clerk's e-seal prints both at issue (ADR 0022).
        return DocumentRenderer.Render(template.Fill(heading, issuedOn: null, values, named?.Name ?? procedure.Definition.Name).ToContent());
    }

    /// <summary>The result is what the issue step issues; a procedure that names it only on its signature step still counts.</summary>
    public static ResultTemplate? TemplateOf(ProcedureDefinition definition) =>
        definition.Steps.Where(s => s.Template is not null)
            .OrderBy(s => s.Kind == StepKind.Issue ? 0 : s.Kind == StepKind.Signature ? 1 : 2)
            .Select(s => s.Template)
            .FirstOrDefault();

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "có",
        JsonValueKind.False => "không",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };
}
