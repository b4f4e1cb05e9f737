using Workflows.Engine.Calendar;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;
using Workflows.Engine.Sla;

namespace Workflows.Engine.Tests.Sla;

/// <summary>An administrator closes the commune on a day after receipt: open steps, their timers and the appointment move.</summary>
public class RecomputeDeadlinesTests
{
    private static DateTimeOffset May(int day, int hour, int minute = 0) => new(2026, 5, day, hour, minute, 0, TimeSpan.FromHours(7));

    private sealed class SwitchableCalendars(IWorkingCalendar calendar) : IWorkingCalendarSource
    {
        public IWorkingCalendar Calendar { get; set; } = calendar;

        public IWorkingCalendar For(UnitId unit) => Calendar;
    }

    [Fact]
    public void A_closure_moves_the_open_step_its_pending_timers_and_the_appointment_by_one_working_day()
    {
        var seeded = VietnameseHolidaySeeder.DefaultDefinition(2025, yearsAhead: 3);
        var calendars = new SwitchableCalendars(new WorkingCalendar(seeded));
        var run = new SlaRun(calendars: calendars).ReceivedAt(SlaRun.Monday);
        var appraise = run.Task("appraise");
        run.Fire(appraise, TimerPurpose.DueSoon, 0, May(6, 9));

        // Storm closure on Wednesday 6 May.
        calendars.Calendar = new WorkingCalendar(seeded.WithEntries([CalendarEntry.Closure(new DateOnly(2026, 5, 6), "Bão số 2")]));
        var recomputed = run.Do(new RecomputeDeadlines(SlaRun.Timers), May(6, 10));

        recomputed.Events.Select(e => e.Event).ShouldHaveSingleItem().ShouldBeOfType<DeadlinesRecomputed>().Changes.ShouldBe(
        [
            new DueChange(appraise, May(7, 9), May(8, 9)),
            new DueChange(SlaTimer.DossierInstance, May(25, 9), May(26, 9)),
        ]);
        run.State.FindActive(appraise)!.DueAt.ShouldBe(May(8, 9));
        recomputed.Effects.ShouldContain(new ChangeTaskDue(new TaskId(run.State.Dossier, appraise), May(8, 9)));

        // The warning already fired and stays fired (its new instant, Thursday 09:00, is in the future: it re-arms).
        run.State.Sla.Timers.Where(t => t.StepInstance == appraise).Select(t => (t.Purpose, t.Rung, t.DueAt)).ShouldContain((TimerPurpose.Overdue, 0, May(8, 9)));
        run.State.Sla.Timers.Single(t => t is { StepInstance: 0, Purpose: TimerPurpose.Overdue }).DueAt.ShouldBe(May(26, 9));
    }

    [Fact]
    public void Nothing_changes_when_the_edit_does_not_touch_the_dossier()
    {
        var run = new SlaRun().ReceivedAt(SlaRun.Monday);

        var recomputed = run.Do(new RecomputeDeadlines(SlaRun.Timers), May(5, 10));

        recomputed.Events.ShouldBeEmpty();
        recomputed.Effects.ShouldBeEmpty();
    }
}
