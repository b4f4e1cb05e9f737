using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflows.Engine.Persistence.Model;

/// <summary>
/// File content, addressed by its SHA-256: a scan attached to two dossiers (or twice) is stored once, and a row
/// never changes, so a reference in a dossier's history always finds the bytes it named.
/// </summary>
internal sealed class DocumentContentRow
{
    public required string Sha256 { get; set; }

    public required string MediaType { get; set; }

    public long Size { get; set; }

    public required byte[] Content { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class DocumentContentRowConfiguration : IEntityTypeConfiguration<DocumentContentRow>
{
    public void Configure(EntityTypeBuilder<DocumentContentRow> builder)
    {
        builder.ToTable("document_contents");
        builder.HasKey(r => r.Sha256);
        builder.Property(r => r.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(r => r.MediaType).HasMaxLength(100);
    }
}
