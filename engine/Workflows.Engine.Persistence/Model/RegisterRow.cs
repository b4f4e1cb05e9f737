using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflows.Engine.Persistence.Model;

/// <summary>The last number issued in one register of one unit in one year (receipt book, document register).</summary>
internal sealed class RegisterRow
{
    public string UnitId { get; set; } = "";

    public string Register { get; set; } = "";

    public int Year { get; set; }

    public long LastNumber { get; set; }
}

internal sealed class RegisterRowConfiguration : IEntityTypeConfiguration<RegisterRow>
{
    public void Configure(EntityTypeBuilder<RegisterRow> builder)
    {
        builder.ToTable("registers");
        builder.HasKey(r => new { r.UnitId, r.Register, r.Year });
        builder.Property(r => r.UnitId).HasMaxLength(ColumnSizes.Slug);

        // A number is taken by "UPDATE ... WHERE last_number = the number before it", in the save's batch (EfRegisterStore.Consume).
        builder.Property(r => r.LastNumber).IsConcurrencyToken();
        builder.Property(r => r.Register).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.Year).ValueGeneratedNever();
    }
}
