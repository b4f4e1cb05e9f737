using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Workflows.Engine.Persistence.Model;

/// <summary>
/// An instant as whole microseconds since 1970-01-01 UTC. Microseconds, not milliseconds, because that is
/// PostgreSQL's timestamptz precision: both providers then round-trip exactly the same instants.
/// Reads come back with offset zero (the same instant; callers convert to +07:00 for display).
/// </summary>
internal sealed class UnixMicrosecondsConverter() : ValueConverter<DateTimeOffset, long>(
    instant => ToMicroseconds(instant),
    microseconds => FromMicroseconds(microseconds))
{
    private const long TicksPerMicrosecond = TimeSpan.TicksPerMillisecond / 1000;

    public static long ToMicroseconds(DateTimeOffset instant) =>
        (instant.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TicksPerMicrosecond;

    public static DateTimeOffset FromMicroseconds(long microseconds) =>
        new(DateTimeOffset.UnixEpoch.UtcTicks + (microseconds * TicksPerMicrosecond), TimeSpan.Zero);
}

/// <summary>Writes instants with offset zero, the only offset Npgsql accepts for timestamptz.</summary>
internal sealed class UtcInstantConverter() : ValueConverter<DateTimeOffset, DateTimeOffset>(
    instant => instant.ToUniversalTime(),
    instant => instant);
