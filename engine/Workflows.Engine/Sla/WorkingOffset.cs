using Workflows.Engine.Calendar;

namespace Workflows.Engine.Sla;

/// <summary>
/// A signed amount of working time relative to a due instant: "-1d" (one working day before), "0h" (at it),
/// "4h" (four working hours after). Same-day durations have no meaning as an offset and are refused.
/// </summary>
public readonly record struct WorkingOffset(bool IsBefore, WorkingDuration Magnitude)
{
    public static WorkingOffset Zero => new(false, WorkingDuration.Zero);

    public bool IsZero => Magnitude.Amount == 0m;

    public static bool TryParse(string? text, out WorkingOffset offset, out string error)
    {
        offset = default;
        var trimmed = text?.Trim() ?? "";
        var before = trimmed.StartsWith('-');
        var body = before || trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        if (!WorkingDuration.TryParse(body, out var magnitude, out error))
        {
            error = $"\"{text}\" is not a working-time offset; write \"-1d\" (one working day before the due instant), \"0h\" (at it) or \"4h\" (four working hours after).";
            return false;
        }

        if (magnitude.Unit == WorkingDurationUnit.SameDay)
        {
            error = $"\"{text}\" is a same-day duration, which cannot be an offset; use working days or hours, e.g. \"-1d\" or \"4h\".";
            return false;
        }

        offset = new WorkingOffset(before && magnitude.Amount != 0m, magnitude);
        return true;
    }

    /// <summary>Signed working hours, given the hours of one working day (for ordering rungs).</summary>
    public decimal ToWorkingHours(decimal hoursPerWorkingDay) => (IsBefore ? -1 : 1) * Magnitude.ToWorkingHours(hoursPerWorkingDay);

    public override string ToString() => (IsBefore ? "-" : "") + Magnitude.ToString();
}
