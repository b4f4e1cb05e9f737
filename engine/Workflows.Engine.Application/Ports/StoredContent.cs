namespace Workflows.Engine.Application.Ports;

/// <summary>Bytes of an attachment or a produced form, keyed by their SHA-256 (lower-case hex).</summary>
public sealed record StoredContent(string Sha256, string MediaType, ReadOnlyMemory<byte> Content)
{
    public long Size => Content.Length;

    public static StoredContent Of(string mediaType, ReadOnlyMemory<byte> content) =>
        new(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content.Span)), mediaType, content);
}

/// <summary>Reads stored content; content is written with the dossier change that first refers to it.</summary>
public interface IDocumentContentStore
{
    Task<StoredContent?> FindAsync(string sha256, CancellationToken cancellationToken);
}
