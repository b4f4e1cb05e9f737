namespace Workflows.Engine.Calendar;

/// <summary>
/// The Vietnamese lunisolar calendar, computed (not looked up) for UTC+07:00 with Ho Ngoc Duc's algorithm; see
/// docs/adr/0003. Rules: a month starts on the local day of a new moon; month 11 is the one containing the winter
/// solstice; a year with 13 months between two month-11s gets a leap month, the first one without a major solar term.
/// <see cref="System.Globalization.ChineseLunisolarCalendar"/> computes for UTC+08:00 and so differs in some years.
/// </summary>
public static class VietnameseLunarCalendar
{
    /// <summary>Vietnam's legal time zone, which decides on which civil day a new moon or solar term falls.</summary>
    public const double UtcOffsetHours = 7;

    /// <summary>The algorithm's validated range (Gregorian years, and lunar years numbered the same way).</summary>
    public const int MinYear = 1800;

    public const int MaxYear = 2199;

    /// <summary>The Gregorian date of the first day of lunar year <paramref name="lunarYear"/> (Tết Nguyên Đán).</summary>
    public static DateOnly NewYear(int lunarYear) => ToGregorian(new LunarDate(lunarYear, 1, 1));

    /// <summary>The Gregorian date of a lunar date; throws when the date does not exist (a 30th in a 29-day month, a leap month that is not).</summary>
    public static DateOnly ToGregorian(LunarDate date) =>
        TryToGregorian(date, out var result)
            ? result
            : throw new ArgumentOutOfRangeException(nameof(date), date, "This lunar date does not exist in the Vietnamese calendar.");

    public static bool TryToGregorian(LunarDate date, out DateOnly result) => TryToGregorian(date, UtcOffsetHours, out result);

    public static LunarDate FromGregorian(DateOnly date) => FromGregorian(date, UtcOffsetHours);

    /// <summary>The number of the month repeated as a leap month in <paramref name="lunarYear"/>, or null.</summary>
    public static int? LeapMonth(int lunarYear)
    {
        RequireYearInRange(lunarYear, nameof(lunarYear));
        // Only the real leap month converts; twelve cheap conversions keep the rule in one place.
        for (var month = 1; month <= 12; month++)
        {
            if (TryToGregorian(new LunarDate(lunarYear, month, 1, IsLeapMonth: true), out _))
            {
                return month;
            }
        }

        return null;
    }

    /// <summary>Same algorithm at another offset; only for showing where China's calendar (UTC+08:00) differs.</summary>
    internal static bool TryToGregorian(LunarDate date, double utcOffsetHours, out DateOnly result)
    {
        result = default;
        if (date.Year is < MinYear or > MaxYear || date.Month is < 1 or > 12 || date.Day is < 1 or > 30)
        {
            return false;
        }

        // Months 11 and 12 lie between the month-11 of this Gregorian year and the next; months 1..10 before.
        var (a11, b11) = date.Month < 11
            ? MonthElevenBounds(date.Year - 1, utcOffsetHours)
            : MonthElevenBounds(date.Year, utcOffsetHours);
        var k = (int)Math.Floor(0.5 + ((a11 - LunarAstronomy.LunationEpoch) / LunarAstronomy.SynodicMonth));
        var offset = date.Month - 11;
        if (offset < 0)
        {
            offset += 12;
        }

        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11, utcOffsetHours);
            var leapMonth = leapOffset - 2;
            if (leapMonth < 0)
            {
                leapMonth += 12;
            }

            if (date.IsLeapMonth && date.Month != leapMonth)
            {
                return false;
            }

            if (date.IsLeapMonth || offset >= leapOffset)
            {
                offset++;
            }
        }
        else if (date.IsLeapMonth)
        {
            return false;
        }

        var monthStart = LunarAstronomy.NewMoonDay(k + offset, utcOffsetHours);
        var candidate = FromJulianDay(monthStart + date.Day - 1);
        // A 30th in a 29-day month spills into the next month: the round trip tells.
        if (FromGregorian(candidate, utcOffsetHours) != date)
        {
            return false;
        }

        result = candidate;
        return true;
    }

    internal static LunarDate FromGregorian(DateOnly date, double utcOffsetHours)
    {
        // Month 12 of lunar year MaxYear ends in January of the year after.
        if (date.Year is < MinYear or > MaxYear + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, $"The Vietnamese lunar calendar is computed for years {MinYear}–{MaxYear}.");
        }

        var dayNumber = ToJulianDay(date);
        var k = (int)Math.Floor((dayNumber - LunarAstronomy.LunationEpoch) / LunarAstronomy.SynodicMonth) + 1;
        var monthStart = LunarAstronomy.NewMoonDay(k, utcOffsetHours);
        // The mean-lunation estimate can be two new moons ahead (the published code stops at one and yields
        // day 0 on 2054-05-07), so step back until the month has started.
        while (monthStart > dayNumber)
        {
            k--;
            monthStart = LunarAstronomy.NewMoonDay(k, utcOffsetHours);
        }

        var a11 = MonthEleven(date.Year, utcOffsetHours);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = MonthEleven(date.Year - 1, utcOffsetHours);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = MonthEleven(date.Year + 1, utcOffsetHours);
        }

        var day = dayNumber - monthStart + 1;
        var monthsSinceEleven = (monthStart - a11) / 29;
        var isLeap = false;
        var month = monthsSinceEleven + 11;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11, utcOffsetHours);
            if (monthsSinceEleven >= leapOffset)
            {
                month = monthsSinceEleven + 10;
                isLeap = monthsSinceEleven == leapOffset;
            }
        }

        if (month > 12)
        {
            month -= 12;
        }

        // Months 11 and 12 (and a leap 11/12) before Tết belong to the previous lunar year.
        if (month >= 11 && monthsSinceEleven < 4)
        {
            lunarYear--;
        }

        return new LunarDate(lunarYear, month, day, isLeap);
    }

    /// <summary>Start days of month 11 in <paramref name="gregorianYear"/> and in the year after.</summary>
    private static (int A11, int B11) MonthElevenBounds(int gregorianYear, double utcOffsetHours) =>
        (MonthEleven(gregorianYear, utcOffsetHours), MonthEleven(gregorianYear + 1, utcOffsetHours));

    /// <summary>The first day of lunar month 11 (the month holding the winter solstice) that starts in <paramref name="gregorianYear"/>.</summary>
    private static int MonthEleven(int gregorianYear, double utcOffsetHours)
    {
        var offset = ToJulianDay(new DateOnly(gregorianYear, 12, 31)) - 2415021;
        var k = (int)Math.Floor(offset / LunarAstronomy.SynodicMonth);
        var newMoon = LunarAstronomy.NewMoonDay(k, utcOffsetHours);
        // If the Sun is already past 270° at that new moon, the solstice fell in the month before.
        return LunarAstronomy.SunLongitudeSector(newMoon, utcOffsetHours) >= 9
            ? LunarAstronomy.NewMoonDay(k - 1, utcOffsetHours)
            : newMoon;
    }

    /// <summary>How many months after month 11 the leap month sits: the first month without a major solar term.</summary>
    private static int LeapMonthOffset(int a11, double utcOffsetHours)
    {
        var k = (int)Math.Floor(((a11 - LunarAstronomy.LunationEpoch) / LunarAstronomy.SynodicMonth) + 0.5);
        var i = 1;
        var sector = LunarAstronomy.SunLongitudeSector(LunarAstronomy.NewMoonDay(k + i, utcOffsetHours), utcOffsetHours);
        int previous;
        do
        {
            previous = sector;
            i++;
            sector = LunarAstronomy.SunLongitudeSector(LunarAstronomy.NewMoonDay(k + i, utcOffsetHours), utcOffsetHours);
        }
        while (sector != previous && i < 14);
        return i - 1;
    }

    private static int ToJulianDay(DateOnly date) => date.DayNumber + LunarAstronomy.JulianDayOfDayNumberZero;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - LunarAstronomy.JulianDayOfDayNumberZero);

    private static void RequireYearInRange(int year, string parameterName)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new ArgumentOutOfRangeException(parameterName, year, $"The Vietnamese lunar calendar is computed for years {MinYear}–{MaxYear}.");
        }
    }
}
