using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflows.Engine.Persistence.Model;

/// <summary>
/// One revision of a dossier's result PDF: the draft the leader signed, then each signed revision. Append-only, so
/// what the leader signed can always be shown next to what was sealed, and an e-result fetched by its number.
/// </summary>
internal sealed class ResultDocumentRow
{
    public long Id { get; set; }

    public Guid DossierId { get; set; }

    public int Revision { get; set; }

    public required string Kind { get; set; }

    public required string UnitId { get; set; }

    public string? Number { get; set; }

    public required byte[] Pdf { get; set; }

    public required string Sha256 { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class ResultDocumentRowConfiguration : IEntityTypeConfiguration<ResultDocumentRow>
{
    public const int NumberLength = 100;

    public void Configure(EntityTypeBuilder<ResultDocumentRow> builder)
    {
        builder.ToTable("result_documents");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.Kind).HasMaxLength(ColumnSizes.EnumName);
        builder.Property(r => r.UnitId).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.Number).HasMaxLength(NumberLength);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.CreatedBy).HasMaxLength(ColumnSizes.Slug);
        builder.HasIndex(r => new { r.DossierId, r.Revision }).IsUnique();
        builder.HasIndex(r => r.Number);
        builder.HasOne<DossierRow>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}
