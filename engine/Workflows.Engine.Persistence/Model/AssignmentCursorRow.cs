using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflows.Engine.Persistence.Model;

/// <summary>How many round-robin turns one (unit, role) pool has given; moved only by a dossier change.</summary>
internal sealed class AssignmentCursorRow
{
    public string UnitId { get; set; } = "";

    public string Role { get; set; } = "";

    public long Position { get; set; }
}

internal sealed class AssignmentCursorRowConfiguration : IEntityTypeConfiguration<AssignmentCursorRow>
{
    public void Configure(EntityTypeBuilder<AssignmentCursorRow> builder)
    {
        builder.ToTable("assignment_cursors");
        builder.HasKey(r => new { r.UnitId, r.Role });
        builder.Property(r => r.UnitId).HasMaxLength(ColumnSizes.Slug);

        // A turn is taken by "UPDATE ... WHERE position = where the command read it", in the save's batch (EfAssignmentPools.Advance).
        builder.Property(r => r.Position).IsConcurrencyToken();
        builder.Property(r => r.Role).HasMaxLength(ColumnSizes.Slug);
    }
}
