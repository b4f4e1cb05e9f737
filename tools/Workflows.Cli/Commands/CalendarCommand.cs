using System.CommandLine;
using System.Globalization;
using Workflows.Engine.Calendar;

namespace Workflows.Cli.Commands;

/// <summary>
/// <c>workflows calendar due|holidays</c>: working-time arithmetic on a unit's seeded calendar, for officials and
/// analysts checking an appointment date by hand. Output is invariant-culture so scripts can read it; the due
/// instant is the last line.
/// </summary>
internal static class CalendarCommand
{
    /// <summary>The only unit with a calendar until units are stored; it is the seeded province default.</summary>
    private const string DefaultUnit = "default";

    public static Command Create(CliConsole console)
    {
        var command = new Command("calendar", "Working-calendar arithmetic (due instants, holidays).");
        command.Subcommands.Add(CreateDue(console));
        command.Subcommands.Add(CreateHolidays(console));
        return command;
    }

    private static Command CreateDue(CliConsole console)
    {
        var from = new Option<string>("--from") { Description = "Receipt instant, ISO-8601, e.g. 2027-05-03T10:00:00+07:00 (no offset means +07:00).", Required = true };
        var workingDays = new Option<string>("--working-days") { Description = "Deadline in working days (8 working hours each), e.g. 3 or 0.5." };
        var workingHours = new Option<string>("--working-hours") { Description = "Deadline in working hours, e.g. 4." };
        var sameDay = new Option<bool>("--same-day") { Description = "Same-day procedure: due at closing of the receiving day, or of the next working day after the cut-off." };
        var cutoff = new Option<string>("--cutoff") { Description = "Same-day cut-off, local time HH:mm (default 15:00)." };
        var unit = new Option<string>("--unit") { Description = "Unit whose calendar applies.", DefaultValueFactory = _ => DefaultUnit };

        var command = new Command("due", "Print the due instant of a deadline counted from a receipt.") { from, workingDays, workingHours, sameDay, cutoff, unit };
        command.SetAction(parseResult =>
        {
            if (!TryParseInstant(parseResult.GetValue(from)!, WorkingCalendarDefinition.VietnamUtcOffset, out var received))
            {
                return Fail(console, $"--from: \"{parseResult.GetValue(from)}\" is not an ISO-8601 instant; write e.g. 2027-05-03T10:00:00+07:00.");
            }

            if (!TryReadDuration(parseResult.GetValue(workingDays), parseResult.GetValue(workingHours), parseResult.GetValue(sameDay), parseResult.GetValue(cutoff), out var duration, out var error))
            {
                return Fail(console, error);
            }

            // "Current year and the next five", current being the receipt's year, so output does not depend on today.
            if (!TryFindCalendar(parseResult.GetValue(unit)!, received.Year, yearsAhead: 5, out var calendar, out error))
            {
                return Fail(console, error);
            }

            var due = calendar.Add(received, duration);
            console.Out.WriteLine($"{duration} from {FormatInstant(received)} on the \"{parseResult.GetValue(unit)}\" calendar is due at:");
            console.Out.WriteLine(FormatInstant(due));
            return 0;
        });
        return command;
    }

    private static Command CreateHolidays(CliConsole console)
    {
        var year = new Argument<string>("year") { Description = "Gregorian year, e.g. 2026." };
        var unit = new Option<string>("--unit") { Description = "Unit whose calendar applies.", DefaultValueFactory = _ => DefaultUnit };

        var command = new Command("holidays", "List the non-working days of a year besides the weekly rest days.") { year, unit };
        command.SetAction(parseResult =>
        {
            var text = parseResult.GetValue(year);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                || number is < VietnameseLunarCalendar.MinYear or > VietnameseLunarCalendar.MaxYear)
            {
                return Fail(console, $"\"{text}\" is not a year the calendar can be computed for ({VietnameseLunarCalendar.MinYear}–{VietnameseLunarCalendar.MaxYear}).");
            }

            if (!TryFindCalendar(parseResult.GetValue(unit)!, number, yearsAhead: 0, out var calendar, out var error))
            {
                return Fail(console, error);
            }

            var definition = calendar.Definition;
            var restDays = string.Join(", ", definition.RestDays.Select(d => CultureInfo.InvariantCulture.DateTimeFormat.GetDayName(d)));
            console.Out.WriteLine($"Non-working days of {number} on the \"{parseResult.GetValue(unit)}\" calendar, besides the weekly rest days ({restDays}):");
            foreach (var entry in definition.Entries.Where(e => e.IsDayOff && e.Date.Year == number).OrderBy(e => e.Date))
            {
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entry.Date:yyyy-MM-dd}  {entry.Date:ddd}  {Describe(entry.Kind),-20}  {entry.Name}"));
            }

            return 0;
        });
        return command;
    }

    private static bool TryReadDuration(string? days, string? hours, bool sameDay, string? cutoffText, out WorkingDuration duration, out string error)
    {
        duration = default;
        var given = new[] { days is not null, hours is not null, sameDay }.Count(g => g);
        if (given != 1)
        {
            error = given == 0
                ? "Give the deadline: --working-days <n>, --working-hours <h> or --same-day [--cutoff HH:mm]."
                : "Give only one of --working-days, --working-hours and --same-day.";
            return false;
        }

        if (cutoffText is not null && !sameDay)
        {
            error = "--cutoff applies only with --same-day.";
            return false;
        }

        if (sameDay)
        {
            var cutoff = WorkingDuration.DefaultSameDayCutoff;
            if (cutoffText is not null && !TimeOnly.TryParseExact(cutoffText, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out cutoff))
            {
                error = $"--cutoff: \"{cutoffText}\" is not a local time; write it as HH:mm, e.g. 15:00.";
                return false;
            }

            duration = WorkingDuration.SameDay(cutoff);
            error = "";
            return true;
        }

        var (name, text) = days is not null ? ("--working-days", days) : ("--working-hours", hours!);
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
        {
            error = $"{name}: \"{text}\" is not a number; write e.g. 3 or 0.5.";
            return false;
        }

        if (amount < 0)
        {
            error = $"{name}: a deadline cannot be negative ({text}).";
            return false;
        }

        duration = days is not null ? WorkingDuration.WorkingDays(amount) : WorkingDuration.WorkingHours(amount);
        error = "";
        return true;
    }

    private static bool TryFindCalendar(string unit, int firstYear, int yearsAhead, out WorkingCalendar calendar, out string error)
    {
        calendar = null!;
        if (!string.Equals(unit, DefaultUnit, StringComparison.Ordinal))
        {
            error = $"Unknown unit \"{unit}\": only \"{DefaultUnit}\" has a calendar for now.";
            return false;
        }

        var lastYear = Math.Min(firstYear + yearsAhead, VietnameseLunarCalendar.MaxYear);
        if (firstYear < VietnameseLunarCalendar.MinYear)
        {
            error = $"Holidays can be computed from {VietnameseLunarCalendar.MinYear} only.";
            return false;
        }

        calendar = new WorkingCalendar(VietnameseHolidaySeeder.DefaultDefinition(firstYear, lastYear - firstYear));
        error = "";
        return true;
    }

    /// <summary>ISO-8601 with an offset or "Z"; without one, the calendar's local time is meant (+07:00).</summary>
    private static bool TryParseInstant(string text, TimeSpan localOffset, out DateTimeOffset instant)
    {
        string[] local = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];
        var trimmed = text.Trim();
        if (trimmed.EndsWith('Z') || trimmed.EndsWith('z'))
        {
            trimmed = trimmed[..^1] + "+00:00";
        }

        if (DateTimeOffset.TryParseExact(trimmed, [.. local.Select(f => f + "zzz")], CultureInfo.InvariantCulture, DateTimeStyles.None, out instant))
        {
            return true;
        }

        if (DateTime.TryParseExact(trimmed, local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var localTime))
        {
            instant = new DateTimeOffset(localTime, localOffset);
            return true;
        }

        return false;
    }

    private static string FormatInstant(DateTimeOffset instant) =>
        instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    private static string Describe(CalendarEntryKind kind) => kind switch
    {
        CalendarEntryKind.PublicHoliday => "public holiday",
        CalendarEntryKind.CompensatoryDayOff => "compensatory day off",
        CalendarEntryKind.SwappedDayOff => "swapped day off",
        CalendarEntryKind.Closure => "closure",
        _ => kind.ToString(),
    };

    private static int Fail(CliConsole console, string message)
    {
        console.Error.WriteLine(message);
        return 1;
    }
}
