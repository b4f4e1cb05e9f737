using System.Globalization;

namespace Workflows.Engine.Calendar;

/// <summary>One stretch of office hours in local time, e.g. 07:30–11:30; working time runs from opening to closing.</summary>
public readonly record struct OfficeInterval(TimeOnly Opens, TimeOnly Closes)
{
    public TimeSpan Length => Closes - Opens;

    public static OfficeInterval Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Both the hyphen and the en dash are accepted because people paste either.
        var parts = text.Split('-', '–');
        return parts.Length == 2
            && TimeOnly.TryParseExact(parts[0].Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
            && TimeOnly.TryParseExact(parts[1].Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
                ? new OfficeInterval(opens, closes)
                : throw new FormatException($"\"{text}\" is not an office-hours interval; write it as \"07:30-11:30\".");
    }

    public override string ToString() =>
        $"{Opens.ToString("HH:mm", CultureInfo.InvariantCulture)}–{Closes.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
