using System.Globalization;
using Workflows.Engine.Calendar;

namespace Workflows.Engine.Tests.Calendar;

/// <summary>Shared calendars and literal parsing for the calendar tests.</summary>
internal static class CalendarTestData
{
    /// <summary>The seeded province default for 2024–2031, as shipped.</summary>
    public static readonly WorkingCalendar Seeded = new(VietnameseHolidaySeeder.DefaultDefinition(2024, yearsAhead: 7));

    public static DateTimeOffset Instant(string iso) =>
        DateTimeOffset.ParseExact(iso, ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm'Z'"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
