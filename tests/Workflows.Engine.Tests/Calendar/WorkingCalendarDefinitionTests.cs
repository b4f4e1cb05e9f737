using System.Collections.Immutable;
using Workflows.Engine.Calendar;
using static Workflows.Engine.Tests.Calendar.CalendarTestData;

namespace Workflows.Engine.Tests.Calendar;

public class WorkingCalendarDefinitionTests
{
    [Fact]
    public void The_default_is_8_hours_Monday_to_Friday_at_plus_07_00()
    {
        var definition = new WorkingCalendarDefinition();
        definition.HoursPerWorkingDay.ShouldBe(8m);
        definition.RestDays.ShouldBe([DayOfWeek.Saturday, DayOfWeek.Sunday]);
        definition.UtcOffset.ShouldBe(TimeSpan.FromHours(7));
        definition.OfficeHours.Select(i => i.ToString()).ShouldBe(["07:30–11:30", "13:00–17:00"]);
    }

    [Fact]
    public void A_unit_inherits_the_province_calendar_and_overrides_what_it_sets()
    {
        var province = VietnameseHolidaySeeder.DefaultDefinition(2026, yearsAhead: 0);
        var commune = province.WithOverrides(new WorkingCalendarOverrides
        {
            OfficeHoursByWeekday = ImmutableDictionary<DayOfWeek, ImmutableArray<OfficeInterval>>.Empty
                .Add(DayOfWeek.Saturday, [OfficeInterval.Parse("07:30-11:30")]),
            Entries =
            [
                CalendarEntry.Closure(Date("2026-10-09"), "Chuyển trụ sở (office move)"),
                CalendarEntry.PublicHoliday(Date("2026-09-01"), "Quốc khánh – ngày liền kề"), // replaces the inherited name
            ],
            RemovedDates = [Date("2026-04-27")],
        });

        commune.OfficeHours.ShouldBe(province.OfficeHours);
        commune.OfficeHoursOn(DayOfWeek.Saturday).ShouldBe([OfficeInterval.Parse("07:30-11:30")]);
        commune.OfficeHoursOn(DayOfWeek.Monday).ShouldBe(province.OfficeHours);
        commune.Entries.Count(e => e.Date == Date("2026-09-01")).ShouldBe(1);
        commune.Entries.Single(e => e.Date == Date("2026-09-01")).Name.ShouldBe("Quốc khánh – ngày liền kề");
        commune.Entries.ShouldContain(e => e.Kind == CalendarEntryKind.Closure);
        commune.Entries.ShouldNotContain(e => e.Date == Date("2026-04-27"));
        commune.Entries.Select(e => e.Date).ShouldBeInOrder();
        province.Entries.ShouldContain(e => e.Date == Date("2026-04-27"), "the base is not changed");
    }

    [Fact]
    public void A_short_Friday_shortens_Friday_but_not_the_working_day()
    {
        var calendar = new WorkingCalendar(new WorkingCalendarDefinition
        {
            OfficeHoursByWeekday = ImmutableDictionary<DayOfWeek, ImmutableArray<OfficeInterval>>.Empty
                .Add(DayOfWeek.Friday, [OfficeInterval.Parse("07:30-11:30")]),
        });
        calendar.HoursPerWorkingDay.ShouldBe(8m);
        calendar.Add(Instant("2025-03-14T10:00+07:00"), WorkingDuration.WorkingHours(2)).ShouldBe(Instant("2025-03-17T08:00+07:00"));
    }

    [Fact]
    public void Uninitialised_lists_read_as_empty()
    {
        var definition = new WorkingCalendarDefinition { Entries = default, RestDays = [DayOfWeek.Sunday] }
            .WithEntries([CalendarEntry.PublicHoliday(Date("2025-09-02"), "Quốc khánh")]);
        var calendar = new WorkingCalendar(definition with { RestDays = default });
        calendar.IsWorkingDay(Date("2025-03-15")).ShouldBeTrue("no rest days at all");
        calendar.IsWorkingDay(Date("2025-09-02")).ShouldBeFalse();
    }
}
