using System.Collections.Immutable;

namespace Workflows.Engine.Documents;

/// <summary>
/// One component of the dossier ("thành phần hồ sơ") the procedure's checklist names: what the desk checks at
/// receipt and what may be uploaded for it.
/// </summary>
/// <param name="Key">Stable slug the attachments refer to, e.g. "birth-certificate-medical".</param>
/// <param name="Name">What officials and applicants read, e.g. "Giấy chứng sinh".</param>
public sealed record DocumentRequirement(string Key, string Name)
{
    /// <summary>The desk cannot accept the dossier at receipt while a required component has no attachment.</summary>
    public bool Required { get; init; }

    /// <summary>Media types a file for this component may have (checked on the file's content, not its name).</summary>
    public ImmutableArray<string> AcceptedTypes { get; init; } = DocumentLimits.DefaultAcceptedTypes;

    /// <summary>Largest file accepted for this component, in bytes; never above <see cref="DocumentLimits.MaxBytes"/>.</summary>
    public long MaxBytes { get; init; } = DocumentLimits.DefaultMaxBytes;
}

/// <summary>Bounds every procedure shares, so one definition cannot open the store to anything.</summary>
public static class DocumentLimits
{
    /// <summary>The global cap on one file (also the upload endpoint's request limit, plus the multipart overhead).</summary>
    public const long MaxBytes = 20L * 1024 * 1024;

    public const long DefaultMaxBytes = 10L * 1024 * 1024;

    /// <summary>Attachments one dossier may hold; a scanned dossier has a few dozen at most.</summary>
    public const int MaxAttachmentsPerDossier = 100;

    public const int MaxFileNameLength = 200;

    /// <summary>The component key for a file that is not on the checklist (officials' working papers, extra evidence).</summary>
    public const string OtherComponent = "other";

    public static readonly ImmutableArray<string> DefaultAcceptedTypes = [MediaTypes.Pdf, MediaTypes.Jpeg, MediaTypes.Png];
}
