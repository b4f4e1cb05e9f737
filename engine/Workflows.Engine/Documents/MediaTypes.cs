using System.Collections.Immutable;

namespace Workflows.Engine.Documents;

/// <summary>
/// The file types the store accepts, recognised by their first bytes. A client's Content-Type or file name is
/// never believed: a renamed executable must not become a "PDF" in a dossier that officials open.
/// </summary>
public static class MediaTypes
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Tiff = "image/tiff";

    /// <summary>Every media type a checklist may name.</summary>
    public static readonly ImmutableArray<string> Known = [Pdf, Jpeg, Png, Tiff];

    public static bool IsKnown(string? mediaType) => mediaType is not null && Known.Contains(mediaType);

    /// <summary>The media type the content really has, or null when it is none of <see cref="Known"/>.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return Jpeg;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }

        return content.StartsWith("II*\0"u8) || content.StartsWith("MM\0*"u8) ? Tiff : null;
    }

    /// <summary>A name people recognise, for messages ("PDF", "JPEG image").</summary>
    public static string Describe(string mediaType) => mediaType switch
    {
        Pdf => "PDF",
        Jpeg => "JPEG image",
        Png => "PNG image",
        Tiff => "TIFF image",
        _ => mediaType,
    };
}
