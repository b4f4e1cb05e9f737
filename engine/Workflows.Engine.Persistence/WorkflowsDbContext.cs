using Microsoft.EntityFrameworkCore;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Persistence.Model;

namespace Workflows.Engine.Persistence;

/// <summary>
/// The one EF model for every provider. Stores create a short-lived context per operation (through
/// <see cref="IDbContextFactory{TContext}"/>), so they are safe to share as singletons. Public only so the
/// provider assemblies can hold its migrations; rows stay internal and nothing outside uses the sets.
/// </summary>
public sealed class WorkflowsDbContext(DbContextOptions<WorkflowsDbContext> options) : DbContext(options)
{
    internal DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();

    internal DbSet<DossierRow> Dossiers => Set<DossierRow>();

    internal DbSet<DossierEventRow> Events => Set<DossierEventRow>();

    internal DbSet<TaskRow> Tasks => Set<TaskRow>();

    internal DbSet<TimerRow> Timers => Set<TimerRow>();

    internal DbSet<IdempotencyKeyRow> IdempotencyKeys => Set<IdempotencyKeyRow>();

    internal DbSet<UnitRow> Units => Set<UnitRow>();

    internal DbSet<UserRow> Users => Set<UserRow>();

    internal DbSet<RegisterRow> Registers => Set<RegisterRow>();

    internal DbSet<IssuedNumberRow> IssuedNumbers => Set<IssuedNumberRow>();
    internal DbSet<AssignmentCursorRow> AssignmentCursors => Set<AssignmentCursorRow>();

    internal DbSet<NotificationRow> Notifications => Set<NotificationRow>();

    internal DbSet<CalendarYearRow> CalendarYears => Set<CalendarYearRow>();

    internal DbSet<CalendarUnitRow> CalendarUnits => Set<CalendarUnitRow>();

    internal DbSet<DocumentContentRow> DocumentContents => Set<DocumentContentRow>();
    internal DbSet<ResultDocumentRow> ResultDocuments => Set<ResultDocumentRow>();

    internal DbSet<SigningSessionRow> SigningSessions => Set<SigningSessionRow>();
    internal DbSet<DossierFormRow> DossierForms => Set<DossierFormRow>();

    internal DbSet<FormQueueRow> FormQueue => Set<FormQueueRow>();

    private StorageDialect Dialect => StorageDialect.For(Database.ProviderName);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        Dialect.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DossierStatus>().HaveConversion<KebabEnumConverter<DossierStatus>>();
        configurationBuilder.Properties<DefinitionStatus>().HaveConversion<KebabEnumConverter<DefinitionStatus>>();
        configurationBuilder.Properties<TaskState>().HaveConversion<KebabEnumConverter<TaskState>>();
        configurationBuilder.Properties<StepKind>().HaveConversion<KebabEnumConverter<StepKind>>();
        configurationBuilder.Properties<TimerPurpose>().HaveConversion<KebabEnumConverter<TimerPurpose>>();
        configurationBuilder.Properties<UnitKind>().HaveConversion<KebabEnumConverter<UnitKind>>();
        configurationBuilder.Properties<NotificationKind>().HaveConversion<KebabEnumConverter<NotificationKind>>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var dialect = Dialect;
        modelBuilder.ApplyConfiguration(new DefinitionRowConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new DossierRowConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new DossierEventRowConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new TaskRowConfiguration());
        modelBuilder.ApplyConfiguration(new TimerRowConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyKeyRowConfiguration());
        modelBuilder.ApplyConfiguration(new UnitRowConfiguration());
        modelBuilder.ApplyConfiguration(new UserRowConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new RegisterRowConfiguration());
        modelBuilder.ApplyConfiguration(new IssuedNumberRowConfiguration());
        modelBuilder.ApplyConfiguration(new NotificationRowConfiguration());
        modelBuilder.ApplyConfiguration(new AssignmentCursorRowConfiguration());
        modelBuilder.ApplyConfiguration(new CalendarYearRowConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new CalendarUnitRowConfiguration(dialect));
        modelBuilder.ApplyConfiguration(new DocumentContentRowConfiguration());
        modelBuilder.ApplyConfiguration(new ResultDocumentRowConfiguration());
        modelBuilder.ApplyConfiguration(new SigningSessionRowConfiguration());
        modelBuilder.ApplyConfiguration(new DossierFormRowConfiguration());
        modelBuilder.ApplyConfiguration(new FormQueueRowConfiguration());
        SnakeCaseNames.Apply(modelBuilder);
    }
}
