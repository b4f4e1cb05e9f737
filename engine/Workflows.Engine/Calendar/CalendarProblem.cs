namespace Workflows.Engine.Calendar;

/// <summary>
/// Something wrong in a calendar definition, located by a path into it (e.g. "officeHours[1]", "entries[4]") so an
/// editor can highlight the field; the message says what to fix.
/// </summary>
public sealed record CalendarProblem(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
