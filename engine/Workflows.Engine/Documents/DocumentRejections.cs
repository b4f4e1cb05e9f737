namespace Workflows.Engine.Documents;

/// <summary>Rejection codes of the checklist, the attachments and the supplement window.</summary>
public static class DocumentRejections
{
    public const string DocumentsMissing = "documents-missing";
    public const string UnknownComponent = "unknown-component";
    public const string UnsupportedMediaType = "unsupported-media-type";
    public const string FileTooLarge = "file-too-large";
    public const string InvalidAttachment = "invalid-attachment";
    public const string AttachmentExists = "attachment-exists";
    public const string AttachmentNotFound = "attachment-not-found";
    public const string TooManyAttachments = "too-many-attachments";
    public const string SupplementWindowClosed = "supplement-window-closed";
    public const string SupplementWindowOpen = "supplement-window-open";
}
