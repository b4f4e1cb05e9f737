using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workflows.Engine.Execution.Effects;

namespace Workflows.Engine.Persistence.Model;

/// <summary>
/// The notification outbox: written in the dossier's transaction from <see cref="Notify"/> effects, read as the
/// in-app notification list, and relayed to e-mail/SMS senders (then stamped <see cref="DispatchedAt"/>).
/// </summary>
internal sealed class NotificationRow
{
    public long Id { get; set; }

    public Guid DossierId { get; set; }

    public int StepInstance { get; set; }

    public NotificationKind Kind { get; set; }

    public string? RecipientUser { get; set; }

    public string? RecipientRole { get; set; }

    public string? RecipientUnit { get; set; }

    public required string Message { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public static NotificationRow From(Notify notify, DateTimeOffset at) => new()
    {
        DossierId = notify.Dossier.Value,
        StepInstance = notify.StepInstance,
        Kind = notify.Kind,
        RecipientUser = notify.To.User?.Value,
        RecipientRole = notify.To.Role,
        RecipientUnit = notify.To.Unit?.Value,
        Message = notify.Message,
        CreatedAt = at,
    };
}

internal sealed class NotificationRowConfiguration : IEntityTypeConfiguration<NotificationRow>
{
    public const int MessageLength = 1000;

    public void Configure(EntityTypeBuilder<NotificationRow> builder)
    {
        builder.ToTable("notifications");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedOnAdd();
        builder.Property(r => r.Kind).HasMaxLength(ColumnSizes.EnumName);
        builder.Property(r => r.RecipientUser).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.RecipientRole).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.RecipientUnit).HasMaxLength(ColumnSizes.Slug);
        builder.Property(r => r.Message).HasMaxLength(MessageLength);
        builder.HasOne<DossierRow>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Restrict);

        // A person's list (direct, or their role in their unit), newest first; the relay's backlog.
        builder.HasIndex(r => new { r.RecipientUser, r.Id });
        builder.HasIndex(r => new { r.RecipientUnit, r.RecipientRole, r.Id });
        builder.HasIndex(r => r.DispatchedAt);
    }
}
