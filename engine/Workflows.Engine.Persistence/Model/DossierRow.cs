using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Engine.Dossiers;

namespace Workflows.Engine.Persistence.Model;

/// <summary>
/// A dossier's workflow state stored whole as JSON (the engine reads nothing else), with the few fields
/// that lists and reports filter on copied into indexed columns.
/// </summary>
internal sealed class DossierRow
{
    public Guid Id { get; set; }

    public required string ProcedureId { get; set; }

    public int DefinitionVersion { get; set; }

    public required string UnitId { get; set; }

    public DossierStatus Status { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? ReceivedAt { get; set; }

    public DateTimeOffset? DueAt { get; set; }

    public DateTimeOffset? CompletedAt { get; set; }

    /// <summary><c>InstanceState</c> serialized with <c>WorkflowJson.Options</c>.</summary>
    public required string State { get; set; }

    /// <summary>Equals the state's version; a save only updates the row still at the version it was computed from.</summary>
    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class DossierRowConfiguration(StorageDialect dialect) : IEntityTypeConfiguration<DossierRow>
{
    public void Configure(EntityTypeBuilder<DossierRow> builder)
    {
        builder.ToTable("dossiers");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.ProcedureId).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.UnitId).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.Status).HasMaxLength(ColumnSizes.EnumName);
        builder.Property(r => r.State).HasColumnType(dialect.JsonColumnType);
        builder.Property(r => r.Version).IsConcurrencyToken();

        // Lists per unit and status, overdue reports by due instant, and "dossiers on version N" before retiring it.
        builder.HasIndex(r => new { r.UnitId, r.Status });
        builder.HasIndex(r => new { r.Status, r.DueAt });
        builder.HasIndex(r => new { r.ProcedureId, r.DefinitionVersion });
    }
}
