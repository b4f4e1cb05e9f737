using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflows.Engine.Persistence.Model;

/// <summary>A request key already served, and the dossier it produced, so a retried request returns that dossier.</summary>
internal sealed class IdempotencyKeyRow
{
    public required string Key { get; set; }

    public required string RequestHash { get; set; }

    public Guid DossierId { get; set; }

    public DateTimeOffset At { get; set; }
}

internal sealed class IdempotencyKeyRowConfiguration : IEntityTypeConfiguration<IdempotencyKeyRow>
{
    public void Configure(EntityTypeBuilder<IdempotencyKeyRow> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => r.Key);
        builder.Property(r => r.Key).HasMaxLength(ColumnSizes.IdempotencyKey);
        builder.Property(r => r.RequestHash).HasMaxLength(ColumnSizes.RequestHash);
        builder.HasOne<DossierRow>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}
