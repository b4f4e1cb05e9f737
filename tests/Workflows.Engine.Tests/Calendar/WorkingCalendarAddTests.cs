using Workflows.Engine.Calendar;
using static Workflows.Engine.Tests.Calendar.CalendarTestData;

namespace Workflows.Engine.Tests.Calendar;

/// <summary>Add on the seeded default calendar. 2025-03-10 is a Monday in a week without holidays.</summary>
public class WorkingCalendarAddTests
{
    [Theory]
    [InlineData("2025-03-10T10:00+07:00", "3d", "2025-03-13T10:00+07:00")] // 3 working days from Monday 10:00 is Thursday 10:00
    [InlineData("2025-03-10T07:30+07:00", "8h", "2025-03-10T17:00+07:00")] // reaching the amount at closing stays at closing
    [InlineData("2025-03-10T07:30+07:00", "1d", "2025-03-10T17:00+07:00")]
    [InlineData("2025-03-10T10:00+07:00", "0.5d", "2025-03-10T15:30+07:00")] // 1.5 h before lunch, 2.5 h after
    [InlineData("2025-03-10T11:00+07:00", "1h", "2025-03-10T13:30+07:00")] // the lunch break does not count
    [InlineData("2025-03-10T11:30+07:00", "1h", "2025-03-10T14:00+07:00")]
    [InlineData("2025-03-10T12:15+07:00", "1h", "2025-03-10T14:00+07:00")] // received during lunch: starts at 13:00
    [InlineData("2025-03-10T10:00+07:00", "1.5h", "2025-03-10T11:30+07:00")] // morning closing stays at 11:30
    [InlineData("2025-03-10T18:00+07:00", "1h", "2025-03-11T08:30+07:00")] // after hours: starts at next opening
    [InlineData("2025-03-10T06:00+07:00", "1h", "2025-03-10T08:30+07:00")] // before opening: starts at opening
    [InlineData("2025-03-14T16:00+07:00", "2h", "2025-03-17T08:30+07:00")] // Friday afternoon over the weekend
    [InlineData("2025-03-14T16:00+07:00", "1h", "2025-03-14T17:00+07:00")] // Friday closing, not Monday 07:30
    [InlineData("2025-03-15T09:00+07:00", "1d", "2025-03-17T17:00+07:00")] // received on Saturday
    [InlineData("2025-03-10T10:00+07:00", "10d", "2025-03-24T10:00+07:00")]
    [InlineData("2025-03-10T03:00Z", "3d", "2025-03-13T10:00+07:00")] // input in UTC, result in +07:00
    [InlineData("2025-03-10T10:00+07:00", "0h", "2025-03-10T10:00+07:00")]
    [InlineData("2025-03-10T17:00+07:00", "0h", "2025-03-10T17:00+07:00")]
    [InlineData("2025-03-10T18:00+07:00", "0h", "2025-03-11T07:30+07:00")] // nothing to add still starts at the next opening
    public void Adding_working_time_skips_nights_lunch_and_weekends(string start, string duration, string expected) =>
        Seeded.Add(Instant(start), WorkingDuration.Parse(duration)).ShouldBe(Instant(expected));

    [Fact]
    public void Three_working_days_from_Monday_10_00_is_Thursday_10_00()
    {
        var due = Seeded.Add(Instant("2025-03-10T10:00+07:00"), WorkingDuration.WorkingDays(3));
        due.ShouldBe(Instant("2025-03-13T10:00+07:00"));
        due.Offset.ShouldBe(TimeSpan.FromHours(7));
    }

    [Fact]
    public void Results_are_in_plus_07_00_whatever_the_input_offset() =>
        Seeded.Add(Instant("2025-03-10T03:00Z"), WorkingDuration.WorkingHours(1)).Offset.ShouldBe(TimeSpan.FromHours(7));

    [Theory]
    [InlineData("2025-12-31T10:00+07:00", "1d", "2026-01-02T10:00+07:00")] // New Year's Day is skipped
    [InlineData("2025-12-31T16:00+07:00", "2h", "2026-01-02T08:30+07:00")]
    public void At_year_end_31_December_is_followed_by_2_January(string start, string duration, string expected) =>
        Seeded.Add(Instant(start), WorkingDuration.Parse(duration)).ShouldBe(Instant(expected));

    [Theory]
    [InlineData("2026-02-13T10:00+07:00", "1d", "2026-02-23T10:00+07:00")] // Friday before Tết: Mon 16 – Fri 20 are off
    [InlineData("2026-02-13T16:00+07:00", "1h", "2026-02-13T17:00+07:00")]
    [InlineData("2026-02-13T16:00+07:00", "2h", "2026-02-23T08:30+07:00")]
    [InlineData("2026-02-18T09:00+07:00", "1h", "2026-02-23T08:30+07:00")] // received during Tết
    public void A_receipt_on_the_Friday_before_Tet_2026_resumes_after_the_Tet_week(string start, string duration, string expected) =>
        Seeded.Add(Instant(start), WorkingDuration.Parse(duration)).ShouldBe(Instant(expected));

    [Theory]
    [InlineData("2026-04-24T10:00+07:00", "1d", "2026-04-28T10:00+07:00")] // Hung Kings on Sunday 26 April: Monday 27 is off
    [InlineData("2022-04-29T10:00+07:00", "1d", "2022-05-04T10:00+07:00")] // 30 Apr and 1 May 2022 on Sat/Sun: 2 and 3 May off
    [InlineData("2029-08-31T10:00+07:00", "1d", "2029-09-05T10:00+07:00")] // 1–2 Sep 2029 on Sat/Sun: 3 and 4 Sep off
    [InlineData("2028-04-28T10:00+07:00", "1d", "2028-05-03T10:00+07:00")] // 30 Apr 2028 on Sunday, 1 May Monday: 2 May off
    public void A_holiday_on_a_weekend_gives_a_compensatory_day_that_does_not_count(string start, string duration, string expected)
    {
        var calendar = start.StartsWith("2022", StringComparison.Ordinal) ? new WorkingCalendar(VietnameseHolidaySeeder.DefaultDefinition(2022)) : Seeded;
        calendar.Add(Instant(start), WorkingDuration.Parse(duration)).ShouldBe(Instant(expected));
    }

    [Fact]
    public void A_make_up_Saturday_counts_and_a_swapped_day_off_does_not()
    {
        var calendar = new WorkingCalendar(new WorkingCalendarDefinition().WithEntries(
        [
            CalendarEntry.MakeUpWorkingDay(Date("2025-03-15"), "Làm bù (make-up working day)"),
            CalendarEntry.SwappedDayOff(Date("2025-03-17"), "Nghỉ hoán đổi (swapped day off)"),
        ]));

        calendar.Add(Instant("2025-03-14T16:00+07:00"), WorkingDuration.WorkingHours(2)).ShouldBe(Instant("2025-03-15T08:30+07:00"));
        calendar.Add(Instant("2025-03-15T16:00+07:00"), WorkingDuration.WorkingHours(2)).ShouldBe(Instant("2025-03-18T08:30+07:00"));
        calendar.IsWorkingDay(Date("2025-03-15")).ShouldBeTrue();
        calendar.IsWorkingDay(Date("2025-03-17")).ShouldBeFalse();
    }

    [Fact]
    public void Beyond_the_seeded_years_only_the_weekly_pattern_applies()
    {
        var calendar = new WorkingCalendar(VietnameseHolidaySeeder.DefaultDefinition(2025, yearsAhead: 0));
        calendar.Add(Instant("2027-05-03T10:00+07:00"), WorkingDuration.WorkingDays(3)).ShouldBe(Instant("2027-05-06T10:00+07:00"));
        calendar.Add(Instant("2020-03-09T10:00+07:00"), WorkingDuration.WorkingDays(3)).ShouldBe(Instant("2020-03-12T10:00+07:00"));
        calendar.Add(Instant("2024-12-31T10:00+07:00"), WorkingDuration.WorkingDays(1)).ShouldBe(Instant("2025-01-02T10:00+07:00"));
        // Into 2026, which only the shipped calendar knows holidays for: it falls due later.
        calendar.Add(Instant("2025-06-02T10:00+07:00"), WorkingDuration.WorkingDays(200))
            .ShouldBeLessThan(Seeded.Add(Instant("2025-06-02T10:00+07:00"), WorkingDuration.WorkingDays(200)));
    }

    [Theory]
    [InlineData("2025-03-10T14:59+07:00", "2025-03-10T17:00+07:00")] // before the cut-off: today's closing
    [InlineData("2025-03-10T06:45+07:00", "2025-03-10T17:00+07:00")] // before opening still counts for today
    [InlineData("2025-03-10T15:00+07:00", "2025-03-11T17:00+07:00")] // at the cut-off: next working day
    [InlineData("2025-03-14T15:30+07:00", "2025-03-17T17:00+07:00")] // Friday after the cut-off: Monday
    [InlineData("2025-03-15T09:00+07:00", "2025-03-17T17:00+07:00")] // Saturday: Monday
    [InlineData("2025-12-31T16:00+07:00", "2026-01-02T17:00+07:00")] // before New Year's Day
    [InlineData("2025-03-10T07:30Z", "2025-03-10T17:00+07:00")] // 07:30 UTC is 14:30 in Hanoi: before the cut-off
    [InlineData("2025-03-10T14:30Z", "2025-03-11T17:00+07:00")] // 14:30 UTC is 21:30 in Hanoi
    public void Same_day_is_due_at_closing_of_the_receiving_or_next_working_day(string received, string expected) =>
        Seeded.Add(Instant(received), WorkingDuration.SameDay(new TimeOnly(15, 0))).ShouldBe(Instant(expected));

    [Fact]
    public void Same_day_with_a_cut_off_after_closing_still_moves_a_receipt_after_closing_to_the_next_day() =>
        Seeded.Add(Instant("2025-03-10T17:30+07:00"), WorkingDuration.SameDay(new TimeOnly(18, 0))).ShouldBe(Instant("2025-03-11T17:00+07:00"));

    [Fact]
    public void A_negative_working_time_is_rejected() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Seeded.AddWorkingTime(Instant("2025-03-10T10:00+07:00"), TimeSpan.FromMinutes(-1)));

    [Fact]
    public void AddWorkingTime_agrees_with_Add_in_hours() =>
        Seeded.AddWorkingTime(Instant("2025-03-10T10:00+07:00"), TimeSpan.FromMinutes(90))
            .ShouldBe(Seeded.Add(Instant("2025-03-10T10:00+07:00"), WorkingDuration.WorkingHours(1.5m)));
}
