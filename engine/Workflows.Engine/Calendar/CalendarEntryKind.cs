namespace Workflows.Engine.Calendar;

/// <summary>Why a date departs from the weekly pattern. All kinds but <see cref="MakeUpWorkingDay"/> close the office all day.</summary>
public enum CalendarEntryKind
{
    /// <summary>A statutory public holiday (Labor Code 2019, art. 112), e.g. Quốc khánh.</summary>
    PublicHoliday,

    /// <summary>The day off owed when a holiday falls on a weekly rest day, e.g. "Nghỉ bù Quốc khánh".</summary>
    CompensatoryDayOff,

    /// <summary>A working day the government moves off to bridge a holiday; paid back by a <see cref="MakeUpWorkingDay"/>.</summary>
    SwappedDayOff,

    /// <summary>A day worked although it is a weekly rest day (e.g. a Saturday), with that weekday's office hours.</summary>
    MakeUpWorkingDay,

    /// <summary>An ad-hoc closure of the unit for the whole day (storm, relocation, ...).</summary>
    Closure,
}
