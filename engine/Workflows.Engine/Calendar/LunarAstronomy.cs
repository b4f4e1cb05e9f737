namespace Workflows.Engine.Calendar;

/// <summary>
/// The astronomical part of Ho Ngoc Duc's published algorithm for the Vietnamese lunar calendar: mean new moons
/// corrected by the main periodic terms (after Meeus), and the Sun's apparent longitude. Accurate to well under an
/// hour for 1800–2199, which is what deciding the civil day of a new moon needs.
/// Day numbers are Julian Day Numbers (JDN): integer days, a day starting at local midnight.
/// </summary>
internal static class LunarAstronomy
{
    private const double DegreesToRadians = Math.PI / 180;

    /// <summary>JDN of the new moon of 1900-01-01, the origin of the lunation index k.</summary>
    public const double LunationEpoch = 2415021.076998695;

    public const double SynodicMonth = 29.530588853;

    /// <summary>JDN of 0001-01-01 (proleptic Gregorian), so JDN = DateOnly.DayNumber + this.</summary>
    public const int JulianDayOfDayNumberZero = 1721426;

    /// <summary>The Julian day (fractional, UT) of the k-th new moon after the one of 1900-01-01.</summary>
    public static double NewMoon(int k)
    {
        var t = k / 1236.85; // Julian centuries since 1900-01-01
        var t2 = t * t;
        var t3 = t2 * t;
        var jd1 = 2415020.75933 + (29.53058868 * k) + (0.0001178 * t2) - (0.000000155 * t3);
        jd1 += 0.00033 * Math.Sin(((166.56 + (132.87 * t)) - (0.009173 * t2)) * DegreesToRadians);
        var sunAnomaly = (359.2242 + (29.10535608 * k) - (0.0000333 * t2) - (0.00000347 * t3)) * DegreesToRadians;
        var moonAnomaly = (306.0253 + (385.81691806 * k) + (0.0107306 * t2) + (0.00001236 * t3)) * DegreesToRadians;
        var latitude = (21.2964 + (390.67050646 * k) - (0.0016528 * t2) - (0.00000239 * t3)) * DegreesToRadians;
        var correction = ((0.1734 - (0.000393 * t)) * Math.Sin(sunAnomaly)) + (0.0021 * Math.Sin(2 * sunAnomaly))
            - (0.4068 * Math.Sin(moonAnomaly)) + (0.0161 * Math.Sin(2 * moonAnomaly))
            - (0.0004 * Math.Sin(3 * moonAnomaly))
            + (0.0104 * Math.Sin(2 * latitude)) - (0.0051 * Math.Sin(sunAnomaly + moonAnomaly))
            - (0.0074 * Math.Sin(sunAnomaly - moonAnomaly)) + (0.0004 * Math.Sin((2 * latitude) + sunAnomaly))
            - (0.0004 * Math.Sin((2 * latitude) - sunAnomaly)) - (0.0006 * Math.Sin((2 * latitude) + moonAnomaly))
            + (0.0010 * Math.Sin((2 * latitude) - moonAnomaly)) + (0.0005 * Math.Sin((2 * moonAnomaly) + sunAnomaly));
        // ΔT (terrestrial minus universal time), in days.
        var deltaT = t < -11
            ? 0.001 + (0.000839 * t) + (0.0002261 * t2) - (0.00000845 * t3) - (0.000000081 * t * t3)
            : -0.000278 + (0.000265 * t) + (0.000262 * t2);
        return jd1 + correction - deltaT;
    }

    /// <summary>The local civil day (JDN) on which the k-th new moon falls, at a time zone of <paramref name="utcOffsetHours"/>.</summary>
    public static int NewMoonDay(int k, double utcOffsetHours) =>
        (int)Math.Floor(NewMoon(k) + 0.5 + (utcOffsetHours / 24));

    /// <summary>
    /// Which twelfth of the ecliptic (0..11, 30° each, 0 = vernal equinox) the Sun is in at the start of local day
    /// <paramref name="dayNumber"/>. The winter solstice (270°) starts sector 9; the major solar terms
    /// ("trung khí") are the sector boundaries.
    /// </summary>
    public static int SunLongitudeSector(int dayNumber, double utcOffsetHours) =>
        (int)Math.Floor(SunLongitude(dayNumber - 0.5 - (utcOffsetHours / 24)) / Math.PI * 6);

    /// <summary>The Sun's apparent longitude in radians [0, 2π) at Julian day <paramref name="julianDay"/> (UT).</summary>
    private static double SunLongitude(double julianDay)
    {
        var t = (julianDay - 2451545.0) / 36525; // Julian centuries since J2000.0
        var t2 = t * t;
        var meanAnomaly = (357.52910 + (35999.05030 * t) - (0.0001559 * t2) - (0.00000048 * t * t2)) * DegreesToRadians;
        var meanLongitude = 280.46645 + (36000.76983 * t) + (0.0003032 * t2);
        var equationOfCentre = ((1.914600 - (0.004817 * t) - (0.000014 * t2)) * Math.Sin(meanAnomaly))
            + ((0.019993 - (0.000101 * t)) * Math.Sin(2 * meanAnomaly)) + (0.000290 * Math.Sin(3 * meanAnomaly));
        var longitude = (meanLongitude + equationOfCentre) * DegreesToRadians;
        return longitude - (Math.PI * 2 * Math.Floor(longitude / (Math.PI * 2)));
    }
}
