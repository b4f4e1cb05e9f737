using PdfSharp.Fonts;

namespace Workflows.Engine.Printing;

/// <summary>
/// Serves Noto Serif (SIL OFL, full Vietnamese coverage) from this assembly's resources, whatever family is asked
/// for: documents look the same on every server and never depend on installed fonts.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public const string FamilyName = "Noto Serif";
    private const string RegularFace = "NotoSerif-Regular";
    private const string BoldFace = "NotoSerif-Bold";

    private static readonly Lock Gate = new();
    private static readonly EmbeddedFontResolver Instance = new();
    private static bool registered;

    private readonly Dictionary<string, byte[]> faces = new(StringComparer.Ordinal)
    {
        [RegularFace] = Load(RegularFace),
        [BoldFace] = Load(BoldFace),
    };

    /// <summary>PDFsharp's resolver is process-wide and may be set only once, before the first font is used.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered)
            {
                return;
            }

            GlobalFontSettings.FontResolver = Instance;
            registered = true;
        }
    }

    // Italic is simulated (slanted regular/bold): the two upright faces cover every document we print.
    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? BoldFace : RegularFace, mustSimulateBold: false, mustSimulateItalic: isItalic);

    public byte[]? GetFont(string faceName) => faces.GetValueOrDefault(faceName);

    private static byte[] Load(string face)
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"Workflows.Fonts.{face}.ttf")
            ?? throw new InvalidOperationException($"The font resource {face}.ttf is missing from the signing assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
