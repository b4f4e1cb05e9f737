using Workflows.Engine.Calendar;
using static Workflows.Engine.Tests.Calendar.CalendarTestData;

namespace Workflows.Engine.Tests.Calendar;

/// <summary>Laws that must hold for any start and amount; random but seeded, so a failure reproduces.</summary>
public class WorkingCalendarPropertyTests
{
    private static readonly DateTimeOffset From = Instant("2024-01-01T00:00+07:00");

    [Fact]
    public void Working_time_between_a_start_and_its_due_instant_is_the_added_amount()
    {
        var random = new Random(20250310);
        for (var i = 0; i < 5_000; i++)
        {
            var start = RandomInstant(random);
            var amount = TimeSpan.FromMinutes(random.Next(0, 30 * 8 * 60));
            var due = Seeded.AddWorkingTime(start, amount);
            Seeded.WorkingTimeBetween(start, due).ShouldBe(amount, $"start {start:O}, amount {amount}");
            due.ShouldBeGreaterThanOrEqualTo(start);
        }
    }

    [Fact]
    public void Add_is_monotonic_in_the_start_and_in_the_amount()
    {
        var random = new Random(7);
        for (var i = 0; i < 5_000; i++)
        {
            var start = RandomInstant(random);
            var later = start.AddMinutes(random.Next(0, 5 * 24 * 60));
            var amount = TimeSpan.FromMinutes(random.Next(0, 20 * 8 * 60));
            var more = amount + TimeSpan.FromMinutes(random.Next(0, 3 * 8 * 60));
            Seeded.AddWorkingTime(later, amount).ShouldBeGreaterThanOrEqualTo(Seeded.AddWorkingTime(start, amount), $"{start:O} then {later:O}, {amount}");
            Seeded.AddWorkingTime(start, more).ShouldBeGreaterThanOrEqualTo(Seeded.AddWorkingTime(start, amount), $"{start:O}, {amount} then {more}");
        }
    }

    [Fact]
    public void Add_agrees_with_a_minute_by_minute_walk()
    {
        var random = new Random(42);
        for (var i = 0; i < 500; i++)
        {
            var start = RandomInstant(random);
            var minutes = random.Next(1, 4 * 8 * 60);
            Seeded.AddWorkingTime(start, TimeSpan.FromMinutes(minutes)).ShouldBe(WalkMinutes(start, minutes), $"start {start:O}, {minutes} min");
        }
    }

    /// <summary>The naive oracle: count office minutes one by one from the start.</summary>
    private static DateTimeOffset WalkMinutes(DateTimeOffset start, int minutes)
    {
        var t = start.ToOffset(TimeSpan.FromHours(7));
        while (minutes > 0)
        {
            if (Seeded.IsWorkingDay(DateOnly.FromDateTime(t.DateTime))
                && WorkingCalendarDefinition.DefaultOfficeHours.Any(i => TimeOnly.FromDateTime(t.DateTime) >= i.Opens && TimeOnly.FromDateTime(t.DateTime) < i.Closes))
            {
                minutes--;
            }

            t = t.AddMinutes(1);
        }

        return t;
    }

    private static DateTimeOffset RandomInstant(Random random) =>
        From.AddMinutes(random.Next(0, 7 * 365 * 24 * 60)).ToOffset(TimeSpan.FromHours(random.Next(-11, 13)));
}
