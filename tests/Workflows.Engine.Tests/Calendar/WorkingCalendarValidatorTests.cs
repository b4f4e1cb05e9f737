using System.Collections.Immutable;
using Workflows.Engine.Calendar;
using static Workflows.Engine.Tests.Calendar.CalendarTestData;

namespace Workflows.Engine.Tests.Calendar;

public class WorkingCalendarValidatorTests
{
    [Fact]
    public void The_default_definition_has_no_problems() =>
        WorkingCalendarValidator.Validate(new WorkingCalendarDefinition()).ShouldBeEmpty();

    [Fact]
    public void Empty_office_hours_are_a_problem() =>
        WorkingCalendarValidator.Validate(new WorkingCalendarDefinition { OfficeHours = [] })
            .ShouldHaveSingleItem().Path.ShouldBe("officeHours");

    [Fact]
    public void Inverted_office_hours_are_located()
    {
        var problem = WorkingCalendarValidator.Validate(new WorkingCalendarDefinition
        {
            OfficeHours = [OfficeInterval.Parse("07:30-11:30"), OfficeInterval.Parse("17:00-13:00")],
        }).ShouldHaveSingleItem();
        problem.Path.ShouldBe("officeHours[1]");
        problem.Message.ShouldBe("Office hours 17:00–13:00 close before they open.");
    }

    [Fact]
    public void Overlapping_office_hours_are_located_even_out_of_order()
    {
        var problem = WorkingCalendarValidator.Validate(new WorkingCalendarDefinition
        {
            OfficeHours = [OfficeInterval.Parse("11:00-17:00"), OfficeInterval.Parse("07:30-11:30")],
        }).ShouldHaveSingleItem();
        problem.Path.ShouldBe("officeHours[0]");
        problem.Message.ShouldBe("Office hours 07:30–11:30 and 11:00–17:00 overlap.");
    }

    [Fact]
    public void Per_weekday_hours_are_checked_too()
    {
        var definition = new WorkingCalendarDefinition
        {
            OfficeHoursByWeekday = new Dictionary<DayOfWeek, ImmutableArray<OfficeInterval>>
            {
                [DayOfWeek.Friday] = [OfficeInterval.Parse("08:00-07:00")],
                [DayOfWeek.Monday] = [],
            }.ToImmutableDictionary(),
        };
        WorkingCalendarValidator.Validate(definition).Select(p => p.Path).ShouldBe(["officeHoursByWeekday[Monday]", "officeHoursByWeekday[Friday][0]"]);
    }

    [Fact]
    public void A_week_of_rest_days_is_a_problem() =>
        WorkingCalendarValidator.Validate(new WorkingCalendarDefinition { RestDays = [.. Enum.GetValues<DayOfWeek>()] })
            .ShouldHaveSingleItem().Path.ShouldBe("restDays");

    [Fact]
    public void The_same_date_with_two_kinds_is_a_conflict()
    {
        var definition = new WorkingCalendarDefinition().WithEntries(
        [
            CalendarEntry.PublicHoliday(Date("2026-09-02"), "Quốc khánh"),
            CalendarEntry.MakeUpWorkingDay(Date("2026-09-02"), "Làm bù"),
            CalendarEntry.PublicHoliday(Date("2026-09-01"), "Quốc khánh"),
            CalendarEntry.PublicHoliday(Date("2026-09-01"), "Quốc khánh"),
        ]);
        var problems = WorkingCalendarValidator.Validate(definition);
        problems.Count.ShouldBe(2);
        problems[0].ShouldBe(new CalendarProblem("entries[1]", "2026-09-02 (Wed) is both a public holiday and a make-up working day (entries[0] and entries[1]); a date has one meaning, keep one."));
        problems[1].ShouldBe(new CalendarProblem("entries[3]", "2026-09-01 (Tue) is listed twice as a public holiday (entries[2] and entries[3]); keep one."));
    }

    [Fact]
    public void An_entry_outside_the_year_being_edited_is_located()
    {
        var problem = WorkingCalendarValidator.ValidateYear(2026,
        [
            CalendarEntry.PublicHoliday(Date("2026-01-01"), "Tết Dương lịch"),
            CalendarEntry.PublicHoliday(Date("2027-01-01"), "Tết Dương lịch"),
        ]).ShouldHaveSingleItem();
        problem.ShouldBe(new CalendarProblem("entries[1]", "2027-01-01 (Fri) (Tết Dương lịch) is not in 2026, the year being edited."));
    }

    [Fact]
    public void An_unnamed_entry_is_a_problem() =>
        WorkingCalendarValidator.ValidateYear(2026, [CalendarEntry.Closure(Date("2026-10-10"), " ")])
            .ShouldHaveSingleItem().Path.ShouldBe("entries[0]");

    [Fact]
    public void A_calendar_refuses_a_definition_with_problems() =>
        Should.Throw<ArgumentException>(() => new WorkingCalendar(new WorkingCalendarDefinition { OfficeHours = [] }));
}
