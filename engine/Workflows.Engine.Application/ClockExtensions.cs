using Workflows.Engine.Calendar;

namespace Workflows.Engine.Application;

public static class ClockExtensions
{
    /// <summary>
    /// Now, expressed in Vietnam's offset (UTC+07:00, no daylight saving) whatever the server's time zone,
    /// so events, due instants and traces read the same on every host.
    /// </summary>
    public static DateTimeOffset VietnamNow(this TimeProvider clock) =>
        clock.GetUtcNow().ToOffset(WorkingCalendarDefinition.VietnamUtcOffset);
}
