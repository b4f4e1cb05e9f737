using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflows.Engine.Persistence.Model;

/// <summary>
/// The form producer's ledger: one row per candidate event it handled. <see cref="Form"/> is null when the event
/// called for no form (a status change that was not a receipt or a supplement request), so it is not read again.
/// The primary key is what makes producing exactly-once per event, whichever host gets there first.
/// </summary>
internal sealed class DossierFormRow
{
    public Guid DossierId { get; set; }

    public long EventSequence { get; set; }

    public string? Form { get; set; }

    public string? Sha256 { get; set; }

    public long Size { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class DossierFormRowConfiguration : IEntityTypeConfiguration<DossierFormRow>
{
    public const int FormLength = 20;

    public void Configure(EntityTypeBuilder<DossierFormRow> builder)
    {
        builder.ToTable("dossier_forms");
        builder.HasKey(r => new { r.DossierId, r.EventSequence });
        builder.Property(r => r.EventSequence).ValueGeneratedNever();
        builder.Property(r => r.Form).HasMaxLength(FormLength);
        builder.Property(r => r.Sha256).HasMaxLength(64).IsFixedLength();
        builder.HasOne<DossierEventRow>().WithOne().HasForeignKey<DossierFormRow>(r => new { r.DossierId, r.EventSequence }).OnDelete(DeleteBehavior.Restrict);
    }
}
