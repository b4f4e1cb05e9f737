using System.Collections.Immutable;

namespace Workflows.Engine.Signing.Documents;

/// <summary>A generated PDF and where its signature areas landed, so signature widgets can be placed over them.</summary>
public sealed record RenderedDocument(byte[] Pdf, ImmutableArray<SignatureArea> SignatureAreas)
{
    public SignatureArea? Area(string fieldName) =>
        SignatureAreas.FirstOrDefault(a => string.Equals(a.FieldName, fieldName, StringComparison.Ordinal));
}

/// <summary>A rectangle on a page in PDF user space (points, origin bottom-left), as a widget's /Rect wants it.</summary>
public sealed record SignatureArea(string FieldName, SignatureKind Kind, int PageIndex, PdfRectangle Rectangle);

public readonly record struct PdfRectangle(double Left, double Bottom, double Right, double Top);
