using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Engine.Application.Ports;

namespace Workflows.Engine.Persistence.Model;

/// <summary>One two-phase signing session (see <see cref="StoredSigningSession"/>); consumed at most once.</summary>
internal sealed class SigningSessionRow
{
    public required string Id { get; set; }

    public required string TaskId { get; set; }

    public required string Signer { get; set; }

    public required string Outcome { get; set; }

    public required byte[] PreparedPdf { get; set; }

    public required string PreparedLayout { get; set; }

    public required byte[] SignedAttributes { get; set; }

    public required byte[] DigestToSign { get; set; }

    public required byte[] DocumentDigest { get; set; }

    public required byte[] Certificate { get; set; }

    public required string Chain { get; set; }

    public required string Context { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? ConsumedAt { get; set; }
}

internal sealed class SigningSessionRowConfiguration : IEntityTypeConfiguration<SigningSessionRow>
{
    public void Configure(EntityTypeBuilder<SigningSessionRow> builder)
    {
        builder.ToTable("signing_sessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.TaskId).HasMaxLength(80);
        builder.Property(s => s.Signer).HasMaxLength(ColumnSizes.Slug);
        builder.Property(s => s.Outcome).HasMaxLength(ColumnSizes.Slug);
        builder.Property(s => s.PreparedLayout).HasMaxLength(200);
        builder.HasIndex(s => s.ExpiresAt);
    }
}
