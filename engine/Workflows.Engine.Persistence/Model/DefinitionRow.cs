using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Engine.Application.Ports;

namespace Workflows.Engine.Persistence.Model;

/// <summary>One version of a procedure: the definition document whole, plus who made and published it.</summary>
internal sealed class DefinitionRow
{
    public required string ProcedureId { get; set; }

    public int Version { get; set; }

    public required string Name { get; set; }

    public DefinitionStatus Status { get; set; }

    /// <summary>The definition file format (<c>DefinitionJson</c>), version number included.</summary>
    public required string Definition { get; set; }

    /// <summary>Bumped on every draft save; the concurrency token that catches two analysts editing at once.</summary>
    public long Revision { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishedBy { get; set; }

    public string? ChangeNote { get; set; }
}

internal sealed class DefinitionRowConfiguration(StorageDialect dialect) : IEntityTypeConfiguration<DefinitionRow>
{
    public void Configure(EntityTypeBuilder<DefinitionRow> builder)
    {
        builder.ToTable("procedure_definitions");
        builder.HasKey(r => new { r.ProcedureId, r.Version });
        builder.Property(r => r.ProcedureId).HasMaxLength(ColumnSizes.Slug);
        // Status too: a save racing the publish of the same draft must fail, not edit a published version.
        builder.Property(r => r.Status).HasMaxLength(ColumnSizes.EnumName).IsConcurrencyToken();
        builder.Property(r => r.Definition).HasColumnType(dialect.JsonColumnType);
        builder.Property(r => r.Revision).IsConcurrencyToken();
        builder.Property(r => r.CreatedBy).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.UpdatedBy).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.PublishedBy).HasMaxLength(ColumnSizes.Slug);
    }
}
