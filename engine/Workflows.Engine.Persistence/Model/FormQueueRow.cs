using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Engine.Application.Ports;

namespace Workflows.Engine.Persistence.Model;

/// <summary>
/// An event the form producer has still to look at, written in the same transaction as the event itself
/// (<see cref="FormTriggers.EventTypes"/> only) and deleted in the transaction that records the outcome in
/// <c>dossier_forms</c>. The producer reads this short queue instead of searching the whole history for events
/// without a ledger row, which grew with every dossier ever handled.
/// </summary>
internal sealed class FormQueueRow
{
    public Guid DossierId { get; set; }

    public long EventSequence { get; set; }

    public required string EventType { get; set; }
}

internal sealed class FormQueueRowConfiguration : IEntityTypeConfiguration<FormQueueRow>
{
    public void Configure(EntityTypeBuilder<FormQueueRow> builder)
    {
        builder.ToTable("form_queue");
        builder.HasKey(r => new { r.DossierId, r.EventSequence });
        builder.Property(r => r.EventSequence).ValueGeneratedNever();
        builder.Property(r => r.EventType).HasMaxLength(ColumnSizes.EventType);
    }
}
