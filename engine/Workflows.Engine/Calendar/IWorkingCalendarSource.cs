using Workflows.Engine.Identity;

namespace Workflows.Engine.Calendar;

/// <summary>The working calendar that applies to a unit (its own, or inherited from the province).</summary>
public interface IWorkingCalendarSource
{
    IWorkingCalendar For(UnitId unit);
}
