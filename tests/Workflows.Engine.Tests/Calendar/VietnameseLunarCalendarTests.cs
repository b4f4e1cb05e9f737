using Workflows.Engine.Calendar;

namespace Workflows.Engine.Tests.Calendar;

public class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    [InlineData(2029, "2029-02-13")]
    public void Tet_falls_on_the_known_date(int lunarYear, string expected) =>
        VietnameseLunarCalendar.NewYear(lunarYear).ShouldBe(Date(expected));

    [Theory]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    [InlineData(2027, "2027-04-16")]
    [InlineData(2028, "2028-04-04")]
    [InlineData(2029, "2029-04-23")]
    public void Hung_Kings_day_is_the_10th_day_of_the_3rd_lunar_month(int lunarYear, string expected) =>
        VietnameseLunarCalendar.ToGregorian(new LunarDate(lunarYear, 3, 10)).ShouldBe(Date(expected));

    [Fact]
    public void Tet_2007_is_17_February_in_Vietnam_while_China_at_UTC_plus_8_has_18_February()
    {
        VietnameseLunarCalendar.NewYear(2007).ShouldBe(new DateOnly(2007, 2, 17));
        VietnameseLunarCalendar.TryToGregorian(new LunarDate(2007, 1, 1), utcOffsetHours: 8, out var china).ShouldBeTrue();
        china.ShouldBe(new DateOnly(2007, 2, 18));
    }

    [Fact]
    public void Tet_2030_is_2_February_in_Vietnam_while_China_at_UTC_plus_8_has_3_February()
    {
        // The new moon is at 16:07 UTC on 2 February 2030: 23:07 in Hanoi, 00:07 on the 3rd in Beijing.
        VietnameseLunarCalendar.NewYear(2030).ShouldBe(new DateOnly(2030, 2, 2));
        VietnameseLunarCalendar.TryToGregorian(new LunarDate(2030, 1, 1), utcOffsetHours: 8, out var china).ShouldBeTrue();
        china.ShouldBe(new DateOnly(2030, 2, 3));
    }

    [Fact]
    public void The_day_the_published_algorithm_numbers_0_is_the_30th_of_the_3rd_month_of_2054()
    {
        VietnameseLunarCalendar.FromGregorian(new DateOnly(2054, 5, 7)).ShouldBe(new LunarDate(2054, 3, 30));
    }

    [Fact]
    public void Tet_1985_is_a_month_earlier_in_Vietnam_than_in_China()
    {
        VietnameseLunarCalendar.NewYear(1985).ShouldBe(new DateOnly(1985, 1, 21));
        VietnameseLunarCalendar.TryToGregorian(new LunarDate(1985, 1, 1), utcOffsetHours: 8, out var china).ShouldBeTrue();
        china.ShouldBe(new DateOnly(1985, 2, 20));
    }

    [Theory]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2028, 5)]
    public void A_leap_year_repeats_the_known_month(int lunarYear, int leapMonth) =>
        VietnameseLunarCalendar.LeapMonth(lunarYear).ShouldBe(leapMonth);

    [Theory]
    [InlineData(2024)]
    [InlineData(2026)]
    [InlineData(2027)]
    public void A_common_year_has_no_leap_month(int lunarYear) =>
        VietnameseLunarCalendar.LeapMonth(lunarYear).ShouldBeNull();

    [Fact]
    public void The_leap_6th_month_of_2025_follows_the_ordinary_6th_month()
    {
        // Known: 1/6/2025 lunar = 2025-06-25, 1/6 leap/2025 = 2025-07-25, 1/7/2025 = 2025-08-23.
        VietnameseLunarCalendar.ToGregorian(new LunarDate(2025, 6, 1)).ShouldBe(new DateOnly(2025, 6, 25));
        VietnameseLunarCalendar.ToGregorian(new LunarDate(2025, 6, 1, IsLeapMonth: true)).ShouldBe(new DateOnly(2025, 7, 25));
        VietnameseLunarCalendar.ToGregorian(new LunarDate(2025, 7, 1)).ShouldBe(new DateOnly(2025, 8, 23));
    }

    [Fact]
    public void A_leap_flag_on_a_month_that_is_not_leap_does_not_convert()
    {
        VietnameseLunarCalendar.TryToGregorian(new LunarDate(2025, 5, 1, IsLeapMonth: true), out _).ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.ToGregorian(new LunarDate(2026, 3, 1, IsLeapMonth: true)));
    }

    [Fact]
    public void The_last_day_of_the_old_year_is_the_day_before_Tet()
    {
        var eve = VietnameseLunarCalendar.FromGregorian(new DateOnly(2026, 2, 16));
        eve.Year.ShouldBe(2025);
        eve.Month.ShouldBe(12);
        eve.Day.ShouldBeInRange(29, 30);
    }

    [Fact]
    public void Every_day_from_1900_to_2100_round_trips_and_advances_by_one_lunar_day()
    {
        var previous = VietnameseLunarCalendar.FromGregorian(new DateOnly(1900, 1, 1));
        for (var date = new DateOnly(1900, 1, 2); date <= new DateOnly(2100, 12, 31); date = date.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.FromGregorian(date);
            VietnameseLunarCalendar.ToGregorian(lunar).ShouldBe(date);
            if (lunar.Day == 1)
            {
                previous.Day.ShouldBeInRange(29, 30, $"month before {lunar} has 29 or 30 days");
            }
            else
            {
                lunar.ShouldBe(previous with { Day = previous.Day + 1 });
            }

            previous = lunar;
        }
    }

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
