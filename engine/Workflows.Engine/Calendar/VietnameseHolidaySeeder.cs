using System.Collections.Immutable;

namespace Workflows.Engine.Calendar;

/// <summary>
/// Computes the default dated entries of a year from the Labor Code 2019, art. 112, so that an administrator starts
/// from a plausible calendar and only edits what the Prime Minister decides. Defaults that are really decisions:
/// <list type="bullet">
/// <item>Tết is the last day of the old lunar year plus the first four days of the new one. The Prime Minister fixes
/// the actual five days (and usually swaps days to make a 7–9 day break) each year; the admin edits them.</item>
/// <item>National Day's "one adjacent day" is 1 September. The government has chosen 1 or 3 September in different
/// years; the admin edits it.</item>
/// <item>A holiday on a weekly rest day gives a compensatory day off on the next day that is neither a rest day, a
/// holiday nor an earlier compensatory day, so a run of holidays over a weekend pushes its compensatory days after
/// the run (art. 112(3)).</item>
/// </list>
/// The same rules are applied to every year, including those before the 2019 code took effect (2021).
/// </summary>
public static class VietnameseHolidaySeeder
{
    /// <summary>The province default for <paramref name="currentYear"/> and the <paramref name="yearsAhead"/> following years.</summary>
    public static WorkingCalendarDefinition DefaultDefinition(int currentYear, int yearsAhead = 5) =>
        new WorkingCalendarDefinition().WithEntries(ForYears(currentYear, yearsAhead + 1));

    public static ImmutableArray<CalendarEntry> ForYears(int firstYear, int count, IReadOnlyCollection<DayOfWeek>? restDays = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return [.. Enumerable.Range(firstYear, count).SelectMany(year => ForYear(year, restDays))];
    }

    /// <summary>The public holidays of <paramref name="year"/> and the compensatory days they give, in date order.</summary>
    public static ImmutableArray<CalendarEntry> ForYear(int year, IReadOnlyCollection<DayOfWeek>? restDays = null)
    {
        if (year is < VietnameseLunarCalendar.MinYear or > VietnameseLunarCalendar.MaxYear)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"Holidays can be seeded for {VietnameseLunarCalendar.MinYear}–{VietnameseLunarCalendar.MaxYear}.");
        }

        restDays ??= WorkingCalendarDefinition.DefaultRestDays;
        var holidays = PublicHolidays(year).OrderBy(h => h.Date).ToList();
        var daysOff = holidays.Select(h => h.Date).ToHashSet();
        var entries = new List<CalendarEntry>();
        var lastCompensatory = DateOnly.MinValue;
        foreach (var holiday in holidays)
        {
            entries.Add(CalendarEntry.PublicHoliday(holiday.Date, holiday.FullName));
            if (!restDays.Contains(holiday.Date.DayOfWeek))
            {
                continue;
            }

            var day = (holiday.Date > lastCompensatory ? holiday.Date : lastCompensatory).AddDays(1);
            while (restDays.Contains(day.DayOfWeek) || daysOff.Contains(day))
            {
                day = day.AddDays(1);
            }

            daysOff.Add(day);
            lastCompensatory = day;
            entries.Add(CalendarEntry.CompensatoryDayOff(day, $"Nghỉ bù {holiday.Vietnamese} (compensatory day off for {holiday.English})"));
        }

        return [.. entries.OrderBy(e => e.Date)];
    }

    private static IEnumerable<Holiday> PublicHolidays(int year)
    {
        yield return new(new DateOnly(year, 1, 1), "Tết Dương lịch", "New Year's Day");

        var tet = VietnameseLunarCalendar.NewYear(year);
        yield return new(tet.AddDays(-1), "Tết Nguyên Đán", "Lunar New Year", "cuối năm", "New Year's Eve");
        for (var day = 1; day <= 4; day++)
        {
            yield return new(tet.AddDays(day - 1), "Tết Nguyên Đán", "Lunar New Year", $"mùng {day}", $"day {day}");
        }

        yield return new(VietnameseLunarCalendar.ToGregorian(new LunarDate(year, 3, 10)), "Giỗ Tổ Hùng Vương", "Hung Kings' Commemoration");
        yield return new(new DateOnly(year, 4, 30), "Ngày Chiến thắng", "Reunification Day");
        yield return new(new DateOnly(year, 5, 1), "Quốc tế Lao động", "International Labour Day");
        yield return new(new DateOnly(year, 9, 1), "Quốc khánh", "National Day", "ngày liền kề", "adjacent day");
        yield return new(new DateOnly(year, 9, 2), "Quốc khánh", "National Day");
    }

    /// <summary>A holiday; the short names (without detail) name its compensatory day.</summary>
    private sealed record Holiday(DateOnly Date, string Vietnamese, string English, string? VietnameseDetail = null, string? EnglishDetail = null)
    {
        public string FullName => VietnameseDetail is null
            ? $"{Vietnamese} ({English})"
            : $"{Vietnamese} – {VietnameseDetail} ({English}, {EnglishDetail})";
    }
}
