using System.Collections.Immutable;

namespace Workflows.Engine.Printing;

/// <summary>
/// Everything a result document or form shows, independent of layout. One renderer turns any of these into a PDF;
/// per-form builders (<see cref="Forms.ResultDocument"/>, <see cref="Forms.ReceiptForm"/> …) fill it in.
/// </summary>
/// <param name="IssuingUnit">The unit's name as printed in the top-left header, e.g. "UBND xã Tân An".</param>
/// <param name="Title">The document's title, e.g. "Giấy khai sinh"; printed in capitals.</param>
public sealed record DocumentContent(string IssuingUnit, string Title)
{
    /// <summary>The unit's parent authority, printed above the unit (e.g. "UBND tỉnh Tây Ninh"); optional.</summary>
    public string? ParentAuthority { get; init; }

    /// <summary>The number from the unit's register ("Số: 12/2025/GKS"); blank until the clerk numbers it.</summary>
    public string? DocumentNumber { get; init; }

    /// <summary>"Tân An, ngày 10 tháng 3 năm 2025".</summary>
    public string? PlaceAndDate { get; init; }

    /// <summary>
    /// Set on a result the unit's e-seal numbers and dates (ADR 0022): with no <see cref="DocumentNumber"/> or no
    /// <see cref="PlaceAndDate"/>, the page leaves a dotted blank after "Số:" and after the place, and records both as
    /// <see cref="TextSlot"/>s the seal prints into. Without it an unnumbered form prints "Số: ........./.........".
    /// </summary>
    public IssuedBySeal? IssuedBySeal { get; init; }

    public string? Subtitle { get; init; }

    /// <summary>Paragraphs, label/value rows and tables, in reading order.</summary>
    public ImmutableArray<DocumentBlock> Blocks { get; init; } = [];

    /// <summary>Areas left free for signatures, laid out side by side at the end of the document.</summary>
    public ImmutableArray<SignatureBlock> SignatureBlocks { get; init; } = [];
}

/// <param name="Place">The place printed before the issue date: "Tân An, ngày … tháng … năm …".</param>
public sealed record IssuedBySeal(string Place);

/// <summary>One piece of the document body.</summary>
public abstract record DocumentBlock;

public sealed record ParagraphBlock(string Text) : DocumentBlock
{
    public bool Bold { get; init; }

    public bool Italic { get; init; }
}

/// <summary>Label/value rows, e.g. "Họ, chữ đệm, tên:  Nguyễn Văn An".</summary>
public sealed record FieldsBlock(ImmutableArray<DocumentField> Fields) : DocumentBlock;

public sealed record DocumentField(string Label, string Value);

/// <summary>A grid with a header row. <see cref="ColumnWeights"/> share the width (equal when empty).</summary>
public sealed record TableBlock(ImmutableArray<string> Headers, ImmutableArray<ImmutableArray<string>> Rows) : DocumentBlock
{
    public ImmutableArray<double> ColumnWeights { get; init; } = [];
}

/// <summary>
/// A place for one signature: the caption above it ("CHỦ TỊCH", "(Ký, ghi rõ họ tên)"), the printed name below it,
/// and the name of the PDF signature field that will sit over it.
/// </summary>
public sealed record SignatureBlock(string FieldName, SignatureKind Kind, string Caption)
{
    public string? Authority { get; init; }

    public string? SignerName { get; init; }
}
