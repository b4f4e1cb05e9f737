using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Workflows.Engine.Execution;
using Workflows.Engine.Persistence;
using Workflows.Engine.Signing.Documents;
using Workflows.Engine.Signing.Documents.Forms;

namespace Workflows.Api.Features.Signing;

/// <summary>
/// The draft result PDF of a dossier: the procedure's name as the title, the receipt number, every filled form
/// field with its label, and the signature block (leader, e-seal). One template for every procedure today;
/// a procedure-specific layout plugs in here.
/// </summary>
internal static class ResultDrafts
{
    public static async Task<RenderedDocument> RenderAsync(InstanceState state, ExecutableProcedure procedure, IDirectory directory, DateTimeOffset now, CancellationToken ct)
    {
        var units = await directory.ListUnitsAsync(ct);
        var unitName = units.FirstOrDefault(u => u.Id == state.Unit)?.Name ?? state.Unit.Value;
        var applicant = state.SubmittedBy is { } submitter && await directory.FindUserAsync(submitter, ct) is { } user ? user.Name : state.SubmittedBy?.Value ?? "";
        var form = procedure.Definition.Form;
        var fields = state.Data
            .Where(d => d.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            .Select(d => new DocumentField(form.Find(d.Key)?.Label ?? d.Key, Text(d.Value)))
            .ToImmutableArray();
        var receipt = state.Data.TryGetValue("receiptNumber", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : state.Dossier.ToString();
        var heading = new DossierHeading(unitName, unitName, receipt, procedure.Definition.Name, applicant);
        var today = DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(7)).DateTime);
        return DocumentRenderer.Render(new ResultDocument(heading, procedure.Definition.Name.ToUpper(CultureInfo.GetCultureInfo("vi-VN")), today, fields).ToContent());
    }

    private static string Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? "",
        JsonValueKind.True => "có",
        JsonValueKind.False => "không",
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };
}
