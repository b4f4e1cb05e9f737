using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflows.Engine.Persistence.Model;

/// <summary>One fact of a dossier's history. Rows are only ever inserted: history is append-only.</summary>
internal sealed class DossierEventRow
{
    public Guid DossierId { get; set; }

    public long Sequence { get; set; }

    /// <summary>The event's JSON discriminator ("step-started"), copied out so SQL can filter without parsing.</summary>
    public required string Type { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    /// <summary>The whole event as <c>WorkflowJson</c> writes it, discriminator included.</summary>
    public required string Payload { get; set; }
}

internal sealed class DossierEventRowConfiguration(StorageDialect dialect) : IEntityTypeConfiguration<DossierEventRow>
{
    public void Configure(EntityTypeBuilder<DossierEventRow> builder)
    {
        builder.ToTable("dossier_events");
        builder.HasKey(r => new { r.DossierId, r.Sequence });
        builder.Property(r => r.Sequence).ValueGeneratedNever();
        builder.Property(r => r.Type).HasMaxLength(ColumnSizes.EventType);
        builder.Property(r => r.Actor).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.Payload).HasColumnType(dialect.JsonColumnType);
        builder.HasOne<DossierRow>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}
