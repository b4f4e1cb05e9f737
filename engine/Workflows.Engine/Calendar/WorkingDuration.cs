using System.Globalization;

namespace Workflows.Engine.Calendar;

/// <summary>How a deadline or budget is measured.</summary>
public enum WorkingDurationUnit
{
    /// <summary>Working days; one working day is the unit's full office hours (8 h by default).</summary>
    WorkingDays,

    /// <summary>Working hours inside office hours.</summary>
    WorkingHours,

    /// <summary>Due at the closing of the receiving day when received before the cut-off, else of the next working day.</summary>
    SameDay,
}

/// <summary>
/// A legal duration measured on the working calendar: "3d" (working days), "0.5d", "4h" (working hours),
/// "same-day@15:00" (same day with a cut-off). The text form is what procedure definitions store.
/// </summary>
public readonly record struct WorkingDuration
{
    private WorkingDuration(WorkingDurationUnit unit, decimal amount, TimeOnly? cutoff)
    {
        Unit = unit;
        Amount = amount;
        Cutoff = cutoff;
    }

    public WorkingDurationUnit Unit { get; }

    /// <summary>Days or hours; zero for <see cref="WorkingDurationUnit.SameDay"/>.</summary>
    public decimal Amount { get; }

    /// <summary>Only for same-day durations: receipts after this local time count for the next working day.</summary>
    public TimeOnly? Cutoff { get; }

    public static readonly TimeOnly DefaultSameDayCutoff = new(15, 0);

    public static WorkingDuration Zero => new(WorkingDurationUnit.WorkingHours, 0m, null);

    public static WorkingDuration WorkingDays(decimal days) => new(WorkingDurationUnit.WorkingDays, RequireNonNegative(days), null);

    public static WorkingDuration WorkingHours(decimal hours) => new(WorkingDurationUnit.WorkingHours, RequireNonNegative(hours), null);

    public static WorkingDuration SameDay(TimeOnly? cutoff = null) => new(WorkingDurationUnit.SameDay, 0m, cutoff ?? DefaultSameDayCutoff);

    /// <summary>The length in working hours, given the hours of one working day; same-day counts as one day.</summary>
    public decimal ToWorkingHours(decimal hoursPerWorkingDay) => Unit switch
    {
        WorkingDurationUnit.WorkingDays => Amount * hoursPerWorkingDay,
        WorkingDurationUnit.WorkingHours => Amount,
        _ => hoursPerWorkingDay,
    };

    public static bool TryParse(string? text, out WorkingDuration duration, out string error)
    {
        duration = default;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "A working duration is required, e.g. \"3d\", \"0.5d\", \"4h\" or \"same-day@15:00\".";
            return false;
        }

        var s = text.Trim().ToLowerInvariant();
        if (s.StartsWith("same-day", StringComparison.Ordinal))
        {
            var rest = s["same-day".Length..];
            if (rest.Length == 0)
            {
                duration = SameDay();
                return true;
            }

            if (rest[0] == '@' && TimeOnly.TryParseExact(rest[1..], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var cutoff))
            {
                duration = SameDay(cutoff);
                return true;
            }

            error = $"\"{text}\" is not a same-day duration; write \"same-day\" or \"same-day@HH:mm\" (cut-off time).";
            return false;
        }

        var unitChar = s[^1];
        if ((unitChar == 'd' || unitChar == 'h')
            && decimal.TryParse(s[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            duration = unitChar == 'd' ? WorkingDays(amount) : WorkingHours(amount);
            return true;
        }

        error = $"\"{text}\" is not a working duration; write working days as \"3d\" or \"0.5d\", working hours as \"4h\", or \"same-day@15:00\". Negative amounts are not allowed.";
        return false;
    }

    public static WorkingDuration Parse(string text) =>
        TryParse(text, out var d, out var error) ? d : throw new FormatException(error);

    public override string ToString() => Unit switch
    {
        WorkingDurationUnit.WorkingDays => Amount.ToString("0.##", CultureInfo.InvariantCulture) + "d",
        WorkingDurationUnit.WorkingHours => Amount.ToString("0.##", CultureInfo.InvariantCulture) + "h",
        _ => "same-day@" + Cutoff!.Value.ToString("HH:mm", CultureInfo.InvariantCulture),
    };

    private static decimal RequireNonNegative(decimal amount) =>
        amount >= 0 ? amount : throw new ArgumentOutOfRangeException(nameof(amount), amount, "A working duration cannot be negative.");
}
