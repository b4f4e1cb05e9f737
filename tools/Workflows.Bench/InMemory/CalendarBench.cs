using System.Diagnostics;
using Workflows.Engine.Calendar;

namespace Workflows.Bench.InMemory;

/// <summary>
/// `-- calendar`: working-time arithmetic on the seeded Vietnamese calendar, 1,000,000 Add calls (a mix of working
/// days, half days, hours and same-day deadlines from starts spread over five years, holidays and Tết included),
/// then as many WorkingTimeBetween calls. One thread; the target is 1M Add calls under 1 s.
/// </summary>
internal static class CalendarBench
{
    public static int Run(TextWriter output, int calls = 1_000_000)
    {
        var calendar = new WorkingCalendar(VietnameseHolidaySeeder.DefaultDefinition(2025, yearsAhead: 6));
        var random = new Random(20261123);
        var offset = WorkingCalendarDefinition.VietnamUtcOffset;
        var origin = new DateTimeOffset(2025, 1, 1, 0, 0, 0, offset);
        WorkingDuration[] durations = [WorkingDuration.WorkingDays(3), WorkingDuration.WorkingDays(0.5m), WorkingDuration.WorkingHours(4), WorkingDuration.WorkingDays(15), WorkingDuration.SameDay()];
        var starts = new DateTimeOffset[calls];
        for (var i = 0; i < calls; i++)
        {
            starts[i] = origin.AddMinutes(random.Next(0, 5 * 365 * 24 * 60));
        }

        // Warm up the JIT and the calendar's per-year tables before timing.
        for (var i = 0; i < 10_000; i++)
        {
            calendar.Add(starts[i], durations[i % durations.Length]);
        }

        var ends = new DateTimeOffset[calls];
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            ends[i] = calendar.Add(starts[i], durations[i % durations.Length]);
        }

        var add = watch.Elapsed;
        watch.Restart();
        var total = TimeSpan.Zero;
        for (var i = 0; i < calls; i++)
        {
            total += calendar.WorkingTimeBetween(starts[i], ends[i]);
        }

        var between = watch.Elapsed;
        output.WriteLine($"| working-time arithmetic | calls | elapsed | per call |");
        output.WriteLine($"| --- | ---: | ---: | ---: |");
        output.WriteLine(FormattableString.Invariant($"| Add | {calls:N0} | {add.TotalMilliseconds:F0} ms | {add.TotalNanoseconds / calls:F0} ns |"));
        output.WriteLine(FormattableString.Invariant($"| WorkingTimeBetween | {calls:N0} | {between.TotalMilliseconds:F0} ms | {between.TotalNanoseconds / calls:F0} ns |"));
        output.WriteLine(FormattableString.Invariant($"(checksum {total.TotalHours:F0} working hours)"));
        return 0;
    }
}
