using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Engine.Application.Ports;

namespace Workflows.Engine.Persistence.Model;

internal sealed class UnitRow
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public UnitKind Kind { get; set; }

    /// <summary>No foreign key: units are upserted in any order (a child may arrive before its parent).</summary>
    public string? ParentId { get; set; }
}

internal sealed class UserRow
{
    public required string Id { get; set; }

    public required string Name { get; set; }

    public required string UnitId { get; set; }

    /// <summary>The role ids as a JSON array: a user holds a handful, always read together with the user.</summary>
    public required string Roles { get; set; }
}

internal sealed class UnitRowConfiguration : IEntityTypeConfiguration<UnitRow>
{
    public void Configure(EntityTypeBuilder<UnitRow> builder)
    {
        builder.ToTable("units");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.Kind).HasMaxLength(ColumnSizes.EnumName);
        builder.Property(r => r.ParentId).HasMaxLength(ColumnSizes.Slug);
        builder.HasIndex(r => r.ParentId);
    }
}

internal sealed class UserRowConfiguration(StorageDialect dialect) : IEntityTypeConfiguration<UserRow>
{
    public void Configure(EntityTypeBuilder<UserRow> builder)
    {
        builder.ToTable("users");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.UnitId).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.Roles).HasColumnType(dialect.JsonColumnType);
        builder.HasIndex(r => r.UnitId);
    }
}
