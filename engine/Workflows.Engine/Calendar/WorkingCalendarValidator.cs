using System.Collections.Immutable;
using System.Globalization;

namespace Workflows.Engine.Calendar;

/// <summary>
/// Checks a calendar as an administrator edits it and reports every problem at once, located and worded for that
/// administrator; nothing here throws. <see cref="WorkingCalendar"/> refuses a definition with problems.
/// </summary>
public static class WorkingCalendarValidator
{
    /// <summary>Office hours, rest days, offset and entries of a whole definition.</summary>
    public static IReadOnlyList<CalendarProblem> Validate(WorkingCalendarDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var problems = new List<CalendarProblem>();
        var restDays = definition.RestDays.IsDefault ? [] : definition.RestDays;

        if (definition.OfficeHours.IsDefaultOrEmpty)
        {
            problems.Add(new("officeHours", "There are no office hours: give at least one interval, e.g. 07:30-11:30."));
        }
        else
        {
            CheckIntervals("officeHours", definition.OfficeHours, problems);
        }

        foreach (var (day, hours) in definition.OfficeHoursByWeekday.OrderBy(p => p.Key))
        {
            var path = $"officeHoursByWeekday[{day}]";
            if (hours.IsDefaultOrEmpty)
            {
                if (!restDays.Contains(day))
                {
                    problems.Add(new(path, $"{day} has no office hours but is not a rest day: add it to the rest days instead."));
                }
            }
            else
            {
                CheckIntervals(path, hours, problems);
            }
        }

        if (Enum.GetValues<DayOfWeek>().All(restDays.Contains))
        {
            problems.Add(new("restDays", "Every day of the week is a rest day, so nothing could ever fall due."));
        }

        if (definition.UtcOffset.Ticks % TimeSpan.TicksPerMinute != 0 || definition.UtcOffset.Duration() > TimeSpan.FromHours(14))
        {
            problems.Add(new("utcOffset", $"{definition.UtcOffset} is not a time-zone offset; Vietnam is +07:00."));
        }

        var entries = definition.Entries.IsDefault ? [] : definition.Entries;
        CheckEntries(entries, problems);
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];
            if (entry.Kind == CalendarEntryKind.MakeUpWorkingDay && definition.OfficeHoursOn(entry.Date.DayOfWeek).IsDefaultOrEmpty)
            {
                problems.Add(new($"entries[{i}]", $"Make-up working day {Format(entry.Date)} is a {entry.Date.DayOfWeek}, which has no office hours."));
            }
        }

        return problems;
    }

    /// <summary>The entries an administrator submits when editing <paramref name="year"/>: each must be dated in that year.</summary>
    public static IReadOnlyList<CalendarProblem> ValidateYear(int year, IReadOnlyList<CalendarEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var problems = new List<CalendarProblem>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Date.Year != year)
            {
                problems.Add(new($"entries[{i}]", $"{Format(entries[i].Date)} ({entries[i].Name}) is not in {year}, the year being edited."));
            }
        }

        CheckEntries(entries, problems);
        return problems;
    }

    private static void CheckIntervals(string path, ImmutableArray<OfficeInterval> intervals, List<CalendarProblem> problems)
    {
        for (var i = 0; i < intervals.Length; i++)
        {
            if (intervals[i].Closes <= intervals[i].Opens)
            {
                problems.Add(new($"{path}[{i}]", $"Office hours {intervals[i]} close before they open."));
            }
        }

        var ordered = intervals.Select((interval, index) => (interval, index)).Where(p => p.interval.Closes > p.interval.Opens).OrderBy(p => p.interval.Opens).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].interval.Opens < ordered[i - 1].interval.Closes)
            {
                problems.Add(new($"{path}[{ordered[i].index}]", $"Office hours {ordered[i - 1].interval} and {ordered[i].interval} overlap."));
            }
        }
    }

    private static void CheckEntries(IReadOnlyList<CalendarEntry> entries, List<CalendarProblem> problems)
    {
        var firstOnDate = new Dictionary<DateOnly, int>();
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var path = $"entries[{i}]";
            if (!Enum.IsDefined(entry.Kind))
            {
                problems.Add(new(path, $"{Format(entry.Date)} has an unknown kind ({(int)entry.Kind})."));
            }

            if (string.IsNullOrWhiteSpace(entry.Name))
            {
                problems.Add(new(path, $"{Format(entry.Date)} needs a name, e.g. \"Quốc khánh\"; it is shown in the holiday list."));
            }

            if (!firstOnDate.TryAdd(entry.Date, i))
            {
                var first = entries[firstOnDate[entry.Date]];
                var where = $"entries[{firstOnDate[entry.Date]}] and {path}";
                problems.Add(new(path, first.Kind == entry.Kind
                    ? $"{Format(entry.Date)} is listed twice as {Describe(entry.Kind)} ({where}); keep one."
                    : $"{Format(entry.Date)} is both {Describe(first.Kind)} and {Describe(entry.Kind)} ({where}); a date has one meaning, keep one."));
            }
        }
    }

    private static string Describe(CalendarEntryKind kind) => kind switch
    {
        CalendarEntryKind.PublicHoliday => "a public holiday",
        CalendarEntryKind.CompensatoryDayOff => "a compensatory day off",
        CalendarEntryKind.SwappedDayOff => "a swapped day off",
        CalendarEntryKind.MakeUpWorkingDay => "a make-up working day",
        CalendarEntryKind.Closure => "a closure",
        _ => "an entry of unknown kind",
    };

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd (ddd)", CultureInfo.InvariantCulture);
}
