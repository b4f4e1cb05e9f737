using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflows.Engine.Persistence.Model;

/// <summary>
/// What a unit changes in one year of the calendar it inherits (province default, then each ancestor): its own
/// dated entries and the inherited dates that do not apply to it. Entries and dates are JSON: always read whole.
/// </summary>
internal sealed class CalendarYearRow
{
    public required string UnitId { get; set; }

    public int Year { get; set; }

    /// <summary>JSON array of { date, kind, name }.</summary>
    public required string Entries { get; set; }

    /// <summary>JSON array of dates.</summary>
    public required string RemovedDates { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

/// <summary>A unit's own office hours (null: inherited).</summary>
internal sealed class CalendarUnitRow
{
    public required string UnitId { get; set; }

    /// <summary>JSON array of "HH:mm-HH:mm".</summary>
    public required string OfficeHours { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public required string UpdatedBy { get; set; }
}

internal sealed class CalendarYearRowConfiguration(StorageDialect dialect) : IEntityTypeConfiguration<CalendarYearRow>
{
    public void Configure(EntityTypeBuilder<CalendarYearRow> builder)
    {
        builder.ToTable("calendar_years");
        builder.HasKey(r => new { r.UnitId, r.Year });
        builder.Property(r => r.UnitId).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.Year).ValueGeneratedNever();
        builder.Property(r => r.Entries).HasColumnType(dialect.JsonColumnType);
        builder.Property(r => r.RemovedDates).HasColumnType(dialect.JsonColumnType);
        builder.Property(r => r.UpdatedBy).HasMaxLength(ColumnSizes.Slug);
    }
}

internal sealed class CalendarUnitRowConfiguration(StorageDialect dialect) : IEntityTypeConfiguration<CalendarUnitRow>
{
    public void Configure(EntityTypeBuilder<CalendarUnitRow> builder)
    {
        builder.ToTable("calendar_units");
        builder.HasKey(r => r.UnitId);
        builder.Property(r => r.UnitId).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.OfficeHours).HasColumnType(dialect.JsonColumnType);
        builder.Property(r => r.UpdatedBy).HasMaxLength(ColumnSizes.Slug);
    }
}
