using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Engine.Execution.Effects;

namespace Workflows.Engine.Persistence.Model;

/// <summary>
/// A pending timer: the database is the source of truth for due instants; the scheduler is rebuilt from
/// these rows on start. A row exists exactly while the dossier's state holds the timer (an active timer
/// step, or a pending SLA timer), so the row of a fired timer goes in the transaction of what it caused.
/// </summary>
internal sealed class TimerRow
{
    public Guid DossierId { get; set; }

    public int StepInstance { get; set; }

    public DateTimeOffset DueAt { get; set; }

    public TimerPurpose Purpose { get; set; }

    /// <summary>The escalation rung for SLA escalation timers; 0 otherwise.</summary>
    public int Rung { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class TimerRowConfiguration : IEntityTypeConfiguration<TimerRow>
{
    public void Configure(EntityTypeBuilder<TimerRow> builder)
    {
        builder.ToTable("timers");
        builder.HasKey(r => new { r.DossierId, r.StepInstance, r.Purpose, r.Rung });
        builder.Property(r => r.StepInstance).ValueGeneratedNever();
        builder.Property(r => r.Purpose).HasMaxLength(ColumnSizes.EnumName);
        builder.HasOne<DossierRow>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.DueAt);
    }
}
