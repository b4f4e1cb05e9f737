using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;

namespace Workflows.Engine.Persistence.Model;

/// <summary>
/// A person's step as an inbox row, written from the core's task effects in the same transaction as the
/// state, so inboxes are plain indexed queries and never replay history.
/// </summary>
internal sealed class TaskRow
{
    public Guid DossierId { get; set; }

    public int StepInstance { get; set; }

    public required string ProcedureId { get; set; }

    public int DefinitionVersion { get; set; }

    public required string StepId { get; set; }

    public required string StepName { get; set; }

    public StepKind Kind { get; set; }

    public required string Role { get; set; }

    public required string UnitId { get; set; }

    public string? Assignee { get; set; }

    public TaskState State { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    public string? Outcome { get; set; }

    /// <summary>Raised by the escalation ladder's raise-priority rung (+1 each); 0 is normal. Inboxes list higher first.</summary>
    public int Priority { get; set; }
}

internal sealed class TaskRowConfiguration : IEntityTypeConfiguration<TaskRow>
{
    public void Configure(EntityTypeBuilder<TaskRow> builder)
    {
        builder.ToTable("tasks");
        builder.HasKey(r => new { r.DossierId, r.StepInstance });
        builder.Property(r => r.StepInstance).ValueGeneratedNever();
        builder.Property(r => r.ProcedureId).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.StepId).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.Kind).HasMaxLength(ColumnSizes.EnumName);
        builder.Property(r => r.Role).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.UnitId).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.Assignee).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.State).HasMaxLength(ColumnSizes.EnumName);
        builder.Property(r => r.ClosedBy).HasMaxLength(ColumnSizes.Slug);
        builder.HasOne<DossierRow>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Restrict);

        // The group inbox: open tasks of my unit and roles, raised priority first, then soonest due.
        builder.HasIndex(r => new { r.State, r.UnitId, r.Role, r.Priority, r.DueAt })
            .IsDescending(false, false, false, true, false);

        // "My tasks": what I have claimed.
        builder.HasIndex(r => new { r.Assignee, r.State });
    }
}
