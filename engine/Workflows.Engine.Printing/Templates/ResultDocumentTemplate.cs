using System.Collections.Immutable;
using System.Globalization;
using Workflows.Engine.Printing.Forms;

namespace Workflows.Engine.Printing.Templates;

/// <summary>How a dossier value is printed on a result.</summary>
public enum TemplateFieldFormat
{
    /// <summary>As entered; ISO dates (yyyy-MM-dd) become dd/MM/yyyy, booleans có/không.</summary>
    Text,

    /// <summary>An amount in đồng, grouped the Vietnamese way: 50.000.000 đồng.</summary>
    Amount,
}

/// <summary>One printed row: the dossier field <paramref name="Key"/> under the result's own wording <paramref name="Label"/>.</summary>
public sealed record TemplateField(string Key, string Label)
{
    public TemplateFieldFormat Format { get; init; }

    public string Print(string value) => Format == TemplateFieldFormat.Amount
        && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
        ? amount.ToString("#,##0", CultureInfo.GetCultureInfo("vi-VN")) + " đồng"
        : value;
}

/// <summary>A dossier value as the form holds it: the field key, its form label, and its text.</summary>
public sealed record DossierValue(string Key, string Label, string Text);

/// <summary>
/// What one kind of result says: its title, the legal basis it is issued under, which dossier fields it prints with
/// which labels and in which order, and fixed statements after them. A template without <see cref="Fields"/> prints
/// every filled dossier field under its form label (the generic kinds and the fallback).
/// </summary>
/// <param name="Id">The slug a step names in its <c>template</c> (e.g. "giay-phep-xay-dung").</param>
/// <param name="Name">What the designer's picker shows.</param>
/// <param name="Title">The printed title (upper-cased by the renderer); null: the step's template name or the procedure's name.</param>
public sealed record ResultDocumentTemplate(string Id, string Name, string? Title)
{
    public string? LegalBasis { get; init; }

    public ImmutableArray<TemplateField> Fields { get; init; } = [];

    /// <summary>Fixed text printed after the fields, one paragraph each.</summary>
    public ImmutableArray<string> Statements { get; init; } = [];

    public bool PrintsEveryField => Fields.IsEmpty;

    /// <summary>
    /// Fills the template with a dossier's values. <paramref name="fallbackTitle"/> names the result when the template
    /// has no title of its own (the step's template name, else the procedure's name). A null <paramref name="issuedOn"/>
    /// leaves the date, like the number, for the e-seal (ADR 0022).
    /// </summary>
    public ResultDocument Fill(DossierHeading heading, DateOnly? issuedOn, IReadOnlyList<DossierValue> values, string fallbackTitle)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(values);
        ImmutableArray<DocumentField> fields;
        if (PrintsEveryField)
        {
            fields = [.. values.Where(v => v.Text.Length > 0).Select(v => new DocumentField(v.Label, Normalize(v.Text)))];
        }
        else
        {
            var byKey = values.ToDictionary(v => v.Key, v => v.Text, StringComparer.Ordinal);
            fields = [.. Fields.Select(f => byKey.TryGetValue(f.Key, out var text) && text.Length > 0 ? new DocumentField(f.Label, f.Print(Normalize(text))) : null).OfType<DocumentField>()];
        }

        return new ResultDocument(heading, Title ?? fallbackTitle, issuedOn, fields)
        {
            LegalBasis = LegalBasis,
            Statements = Statements,
        };
    }

    private static string Normalize(string text) =>
        text.Length == 10 && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? VietnameseText.Date(date)
            : text;
}
