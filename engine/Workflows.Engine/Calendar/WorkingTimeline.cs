namespace Workflows.Engine.Calendar;

/// <summary>
/// The precomputed shape of a calendar: which office hours each local day has, and the working time accumulated
/// from a fixed origin up to the start of each day. With it, "add N hours" and "working time between" are a lookup
/// plus a binary search instead of a walk over days. Days are <see cref="DateOnly.DayNumber"/>s, times are ticks.
/// Inside the span of dated entries the days come from a table; outside it only the weekly pattern applies and the
/// accumulation is computed by whole weeks.
/// </summary>
internal sealed class WorkingTimeline
{
    /// <summary>Profile 0 is a closed day; profile 1 + (int)DayOfWeek is an open day with that weekday's hours.</summary>
    private const byte Closed = 0;

    private readonly long[][] _profileIntervals; // per profile: open, close, open, close... (ticks since local midnight)
    private readonly long[] _profileTicks;
    private readonly byte[] _weeklyProfile = new byte[7];
    private readonly long _weekTicks;
    private readonly int _firstDay;
    private readonly byte[] _dayProfile; // table of days [_firstDay, _firstDay + length)
    private readonly long[] _cumulative; // _cumulative[i] = working ticks from _firstDay to the start of day _firstDay + i

    public WorkingTimeline(WorkingCalendarDefinition definition)
    {
        _profileIntervals = new long[8][];
        _profileIntervals[Closed] = [];
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            // A default (uninitialised) array in an init-only property means "none", as the validator reads it.
            var hours = definition.OfficeHoursOn(day);
            _profileIntervals[ProfileOf(day)] = [.. (hours.IsDefault ? [] : hours)
                .OrderBy(i => i.Opens)
                .SelectMany(i => new[] { i.Opens.Ticks, i.Closes.Ticks })];
        }

        _profileTicks = [.. _profileIntervals.Select(Total)];
        var restDays = definition.RestDays.IsDefault ? [] : definition.RestDays;
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            _weeklyProfile[(int)day] = restDays.Contains(day) ? Closed : ProfileOf(day);
            _weekTicks += _profileTicks[_weeklyProfile[(int)day]];
        }

        if (_weekTicks == 0)
        {
            throw new ArgumentException("The weekly pattern has no working time, so nothing could ever fall due.", nameof(definition));
        }

        var entries = definition.Entries;
        if (entries.IsDefaultOrEmpty)
        {
            _firstDay = new DateOnly(2000, 1, 1).DayNumber; // any origin works: only differences matter
            _dayProfile = [];
            _cumulative = [0];
            return;
        }

        // Whole years, so that a lookup near an entry never leaves the table needlessly.
        _firstDay = new DateOnly(entries.Min(e => e.Date).Year, 1, 1).DayNumber;
        var end = new DateOnly(entries.Max(e => e.Date).Year, 12, 31).DayNumber + 1;
        _dayProfile = new byte[end - _firstDay];
        for (var i = 0; i < _dayProfile.Length; i++)
        {
            _dayProfile[i] = _weeklyProfile[(int)WeekdayOf(_firstDay + i)];
        }

        foreach (var entry in entries)
        {
            _dayProfile[entry.Date.DayNumber - _firstDay] = entry.IsDayOff ? Closed : ProfileOf(entry.Date.DayOfWeek);
        }

        _cumulative = new long[_dayProfile.Length + 1];
        for (var i = 0; i < _dayProfile.Length; i++)
        {
            _cumulative[i + 1] = _cumulative[i] + _profileTicks[_dayProfile[i]];
        }
    }

    public bool IsOpen(int day) => ProfileAt(day) != Closed;

    /// <summary>Working ticks from the origin to local instant (<paramref name="day"/>, <paramref name="timeOfDay"/>); negative before the origin.</summary>
    public long WorkingTicksAt(int day, long timeOfDay)
    {
        var worked = 0L;
        var intervals = _profileIntervals[ProfileAt(day)];
        for (var i = 0; i < intervals.Length && timeOfDay > intervals[i]; i += 2)
        {
            worked += Math.Min(timeOfDay, intervals[i + 1]) - intervals[i];
        }

        return CumulativeAt(day) + worked;
    }

    /// <summary>Whether a local instant lies in office hours, closing included.</summary>
    public bool IsInOfficeHours(int day, long timeOfDay)
    {
        var intervals = _profileIntervals[ProfileAt(day)];
        for (var i = 0; i < intervals.Length; i += 2)
        {
            if (timeOfDay >= intervals[i] && timeOfDay <= intervals[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The local instant at which the accumulated working time reaches <paramref name="target"/>. When that is a
    /// boundary, <paramref name="preferOpening"/> picks the next opening; otherwise the closing is kept (work done
    /// by 17:00 is due at 17:00, not at 07:30 next morning).
    /// </summary>
    public (int Day, long TimeOfDay) Locate(long target, bool preferOpening)
    {
        var day = FindDay(target, preferOpening);
        var remaining = target - CumulativeAt(day);
        var intervals = _profileIntervals[ProfileAt(day)];
        for (var i = 0; i < intervals.Length; i += 2)
        {
            var length = intervals[i + 1] - intervals[i];
            if (remaining < length || (!preferOpening && remaining == length))
            {
                return (day, intervals[i] + remaining);
            }

            remaining -= length;
        }

        throw new InvalidOperationException("Working timeline is inconsistent."); // unreachable: FindDay chose a day that reaches the target
    }

    /// <summary>The last closing of <paramref name="day"/> (ticks since midnight), or null when the day is closed.</summary>
    public long? LastClosing(int day)
    {
        var intervals = _profileIntervals[ProfileAt(day)];
        return intervals.Length == 0 ? null : intervals[^1];
    }

    /// <summary>The first day on which the accumulation reaches (or passes, if <paramref name="strictly"/>) the target by its end.</summary>
    private int FindDay(long target, bool strictly)
    {
        var last = _cumulative.Length - 1;
        int day;
        if (!Reaches(_cumulative[0], target, strictly))
        {
            if (Reaches(_cumulative[last], target, strictly))
            {
                // Smallest index i in [1, last] whose cumulative reaches the target; the day is the one before.
                int low = 1, high = last;
                while (low < high)
                {
                    var mid = (low + high) >>> 1;
                    if (Reaches(_cumulative[mid], target, strictly))
                    {
                        high = mid;
                    }
                    else
                    {
                        low = mid + 1;
                    }
                }

                return _firstDay + low - 1;
            }

            // After the table: jump whole weeks to a week before the answer, then walk.
            var weeks = Math.Max(0, ((target - _cumulative[last]) / _weekTicks) - 1);
            day = checked(_firstDay + last + (int)(weeks * 7));
        }
        else
        {
            // Before the table: jump back far enough to be before the answer, then walk.
            var weeks = ((_cumulative[0] - target) / _weekTicks) + 2;
            day = checked(_firstDay - (int)(weeks * 7));
        }

        while (!Reaches(CumulativeAt(day + 1), target, strictly))
        {
            day++;
        }

        return day;
    }

    private static bool Reaches(long cumulative, long target, bool strictly) => strictly ? cumulative > target : cumulative >= target;

    private long CumulativeAt(int day)
    {
        var index = day - _firstDay;
        if (index < 0)
        {
            return -WeeklyTicks(day, _firstDay);
        }

        var last = _cumulative.Length - 1;
        return index <= last ? _cumulative[index] : _cumulative[last] + WeeklyTicks(_firstDay + last, day);
    }

    /// <summary>Working ticks of days [from, to) by the weekly pattern alone.</summary>
    private long WeeklyTicks(int from, int to)
    {
        var days = to - from;
        var total = (days / 7) * _weekTicks;
        for (var day = from + (days / 7 * 7); day < to; day++)
        {
            total += _profileTicks[_weeklyProfile[(int)WeekdayOf(day)]];
        }

        return total;
    }

    private byte ProfileAt(int day)
    {
        var index = day - _firstDay;
        return (uint)index < (uint)_dayProfile.Length ? _dayProfile[index] : _weeklyProfile[(int)WeekdayOf(day)];
    }

    private static byte ProfileOf(DayOfWeek day) => (byte)(1 + (int)day);

    // Day number 0 (0001-01-01) was a Monday.
    private static DayOfWeek WeekdayOf(int dayNumber) => (DayOfWeek)((dayNumber + 1) % 7);

    private static long Total(long[] intervals)
    {
        var total = 0L;
        for (var i = 0; i < intervals.Length; i += 2)
        {
            total += intervals[i + 1] - intervals[i];
        }

        return total;
    }
}
