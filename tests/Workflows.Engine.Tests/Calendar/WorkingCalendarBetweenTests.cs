using Workflows.Engine.Calendar;
using static Workflows.Engine.Tests.Calendar.CalendarTestData;

namespace Workflows.Engine.Tests.Calendar;

public class WorkingCalendarBetweenTests
{
    [Theory]
    [InlineData("2025-03-10T10:00+07:00", "2025-03-13T10:00+07:00", 24.0)]
    [InlineData("2025-03-10T11:00+07:00", "2025-03-10T13:30+07:00", 1.0)] // lunch does not count
    [InlineData("2025-03-14T16:00+07:00", "2025-03-17T08:30+07:00", 2.0)] // nor does the weekend
    [InlineData("2025-03-10T18:00+07:00", "2025-03-11T07:30+07:00", 0.0)] // nor the night
    [InlineData("2026-02-13T07:30+07:00", "2026-02-23T07:30+07:00", 8.0)] // nor Tết 2026
    [InlineData("2025-12-31T07:30+07:00", "2026-01-02T17:00+07:00", 16.0)]
    [InlineData("2025-03-10T03:00Z", "2025-03-10T17:00+07:00", 5.5)] // offsets are compared as instants
    [InlineData("2025-03-13T10:00+07:00", "2025-03-10T10:00+07:00", 0.0)] // end before start
    public void Working_time_between_counts_only_office_hours(string start, string end, double hours) =>
        Seeded.WorkingTimeBetween(Instant(start), Instant(end)).ShouldBe(TimeSpan.FromHours(hours));
}
