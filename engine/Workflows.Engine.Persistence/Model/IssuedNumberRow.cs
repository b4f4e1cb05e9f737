using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflows.Engine.Persistence.Model;

/// <summary>
/// One number a register issued, as printed (the register's ledger). Written with the dossier change that took it;
/// its keys make a second issue of the same sequence or the same printed number impossible whatever the code above
/// does, so a receipt or result number can never be doubled.
/// </summary>
internal sealed class IssuedNumberRow
{
    public string UnitId { get; set; } = "";

    public string Register { get; set; } = "";

    public int Year { get; set; }

    public long Sequence { get; set; }

    public string Number { get; set; } = "";

    public Guid DossierId { get; set; }

    public DateTimeOffset IssuedAt { get; set; }
}

internal sealed class IssuedNumberRowConfiguration : IEntityTypeConfiguration<IssuedNumberRow>
{
    public void Configure(EntityTypeBuilder<IssuedNumberRow> builder)
    {
        builder.ToTable("issued_numbers");
        builder.HasKey(r => new { r.UnitId, r.Register, r.Year, r.Sequence });
        builder.Property(r => r.UnitId).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.Register).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.Year).ValueGeneratedNever();
        builder.Property(r => r.Sequence).ValueGeneratedNever();
        builder.Property(r => r.Number).HasMaxLength(ResultDocumentRowConfiguration.NumberLength);
        builder.HasIndex(r => new { r.UnitId, r.Register, r.Year, r.Number }).IsUnique();
        builder.HasIndex(r => r.DossierId);
        builder.HasOne<DossierRow>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Restrict);
    }
}
