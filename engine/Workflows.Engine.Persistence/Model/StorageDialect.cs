using Microsoft.EntityFrameworkCore;

namespace Workflows.Engine.Persistence.Model;

/// <summary>
/// The few mapping choices that depend on the database, decided from the provider's name so the model
/// stays in this provider-neutral assembly (which must not reference any provider package).
/// </summary>
internal sealed record StorageDialect(Type? InstantConverter, string? JsonColumnType, bool WritesRowsInOneCommand = false)
{
    /// <summary>The dialect of a context's provider.</summary>
    public static StorageDialect Of(DbContext db) => For(db.Database.ProviderName);

    // EF's SQLite provider cannot compare or ORDER BY DateTimeOffset (it stores text with the offset),
    // so instants become UTC microseconds since 1970: integers that sort like the instants they stand for.
    private static readonly StorageDialect Sqlite = new(typeof(UnixMicrosecondsConverter), JsonColumnType: null);

    // timestamptz compares correctly, but Npgsql only writes DateTimeOffset with offset 0; the core's
    // instants carry +07:00. jsonb makes the state queryable for reports (see StoredJson for key order).
    // A dossier write's rows go to the server in one command (one round trip), each statement "RETURNING 1" so
    // the rows it touched can be counted (Stores/StagedRowWriter).
    private static readonly StorageDialect PostgreSql = new(typeof(UtcInstantConverter), "jsonb", WritesRowsInOneCommand: true);

    // Anything else (SQL Server later): its native DateTimeOffset type compares by instant already.
    private static readonly StorageDialect Default = new(InstantConverter: null, JsonColumnType: null);

    public static StorageDialect For(string? providerName) => providerName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => Sqlite,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => PostgreSql,
        _ => Default,
    };

    public void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        if (InstantConverter is not null)
        {
            builder.Properties<DateTimeOffset>().HaveConversion(InstantConverter);
        }
    }
}
