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
        builder.Property(r => r.Role).HasMaxLength(ColumnSizes.Slug);
    }
}
