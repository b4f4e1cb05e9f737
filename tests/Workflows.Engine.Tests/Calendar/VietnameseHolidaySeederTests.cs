using Workflows.Engine.Calendar;
using static Workflows.Engine.Tests.Calendar.CalendarTestData;

namespace Workflows.Engine.Tests.Calendar;

public class VietnameseHolidaySeederTests
{
    [Fact]
    public void The_2026_defaults_are_the_statutory_holidays_with_one_compensatory_day()
    {
        var entries = VietnameseHolidaySeeder.ForYear(2026);
        entries.Select(e => (e.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), e.Kind)).ShouldBe(
        [
            ("2026-01-01", CalendarEntryKind.PublicHoliday),
            ("2026-02-16", CalendarEntryKind.PublicHoliday), // last day of the old lunar year
            ("2026-02-17", CalendarEntryKind.PublicHoliday), // Tết
            ("2026-02-18", CalendarEntryKind.PublicHoliday),
            ("2026-02-19", CalendarEntryKind.PublicHoliday),
            ("2026-02-20", CalendarEntryKind.PublicHoliday),
            ("2026-04-26", CalendarEntryKind.PublicHoliday), // Hung Kings, a Sunday
            ("2026-04-27", CalendarEntryKind.CompensatoryDayOff),
            ("2026-04-30", CalendarEntryKind.PublicHoliday),
            ("2026-05-01", CalendarEntryKind.PublicHoliday),
            ("2026-09-01", CalendarEntryKind.PublicHoliday), // the adjacent day, by default
            ("2026-09-02", CalendarEntryKind.PublicHoliday),
        ]);
    }

    [Fact]
    public void Holidays_carry_Vietnamese_names_with_English_alongside()
    {
        var names = VietnameseHolidaySeeder.ForYear(2026).Select(e => e.Name).ToList();
        names.ShouldContain("Tết Dương lịch (New Year's Day)");
        names.ShouldContain("Tết Nguyên Đán – mùng 1 (Lunar New Year, day 1)");
        names.ShouldContain("Giỗ Tổ Hùng Vương (Hung Kings' Commemoration)");
        names.ShouldContain("Ngày Chiến thắng (Reunification Day)");
        names.ShouldContain("Quốc tế Lao động (International Labour Day)");
        names.ShouldContain("Quốc khánh (National Day)");
        names.ShouldContain("Nghỉ bù Giỗ Tổ Hùng Vương (compensatory day off for Hung Kings' Commemoration)");
    }

    [Theory]
    [InlineData(2029, "2029-09-03", "2029-09-04")] // 1 Sep Saturday, 2 Sep Sunday
    [InlineData(2022, "2022-05-02", "2022-05-03")] // 30 Apr Saturday, 1 May Sunday
    [InlineData(2023, "2023-05-02", "2023-05-03")] // Hung Kings Saturday 29 Apr, 30 Apr Sunday, 1 May Monday is itself a holiday
    [InlineData(2023, "2023-01-26", "2023-01-27")] // Tết 2023: the eve and day 1 fall on Saturday and Sunday
    public void Compensatory_days_follow_a_run_of_holidays_and_weekends(int year, string first, string second)
    {
        var compensatory = VietnameseHolidaySeeder.ForYear(year).Where(e => e.Kind == CalendarEntryKind.CompensatoryDayOff).Select(e => e.Date).ToList();
        compensatory.ShouldContain(Date(first));
        compensatory.ShouldContain(Date(second));
    }

    [Fact]
    public void New_Year_on_a_Sunday_gives_Monday_2_January_off() =>
        VietnameseHolidaySeeder.ForYear(2023).ShouldContain(e => e.Date == Date("2023-01-02") && e.Kind == CalendarEntryKind.CompensatoryDayOff && e.Name.StartsWith("Nghỉ bù Tết Dương lịch", StringComparison.Ordinal));

    [Fact]
    public void A_unit_resting_on_Sunday_only_owes_a_day_only_for_Sunday_holidays()
    {
        var compensatory = VietnameseHolidaySeeder.ForYear(2029, [DayOfWeek.Sunday]).Where(e => e.Kind == CalendarEntryKind.CompensatoryDayOff).Select(e => e.Date);
        compensatory.ShouldContain(Date("2029-09-03"));
        compensatory.ShouldNotContain(Date("2029-09-04"));
    }

    [Fact]
    public void The_default_definition_covers_the_current_year_and_the_next_five()
    {
        var definition = VietnameseHolidaySeeder.DefaultDefinition(2026);
        definition.Entries.Select(e => e.Date.Year).Distinct().ShouldBe([2026, 2027, 2028, 2029, 2030, 2031]);
        WorkingCalendarValidator.Validate(definition).ShouldBeEmpty();
    }

    [Fact]
    public void Every_seeded_year_is_valid_on_its_own()
    {
        for (var year = 2000; year <= 2100; year++)
        {
            WorkingCalendarValidator.ValidateYear(year, VietnameseHolidaySeeder.ForYear(year)).ShouldBeEmpty($"year {year}");
        }
    }
}
