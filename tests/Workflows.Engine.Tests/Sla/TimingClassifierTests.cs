using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.Calendar;
using Workflows.Engine.Identity;
using Workflows.Engine.Sla;

namespace Workflows.Engine.Tests.Sla;

public class TimingClassifierTests
{
    private static readonly IWorkingCalendar Calendar = DefaultCalendarSource.Around(SlaRun.Monday).For(new UnitId("xa-tan-an"));

    // Due Thursday 7 May 2026 09:00.
    private static readonly DateTimeOffset Due = new(2026, 5, 7, 9, 0, 0, TimeSpan.FromHours(7));

    private static DateTimeOffset May(int day, int hour, int minute = 0) => new(2026, 5, day, hour, minute, 0, TimeSpan.FromHours(7));

    [Theory]
    [InlineData(6, 16, TimingClass.Early)] // the day before
    [InlineData(7, 8, TimingClass.OnTime)] // the due date, before the due instant
    [InlineData(7, 9, TimingClass.OnTime)] // exactly at it
    [InlineData(7, 10, TimingClass.Late)]
    public void A_finished_item_is_early_before_the_due_date_on_time_on_it_and_late_after_the_instant(int day, int hour, TimingClass expected) =>
        TimingClassifier.ClassifyStep(Calendar, SlaPolicy.Default, Due, May(day, hour), May(20, 9)).ShouldBe(expected);

    [Theory]
    [InlineData(5, 8, 59, TimingClass.WithinDeadline)] // 1 working day and 1 minute left
    [InlineData(6, 9, 0, TimingClass.DueSoon)] // exactly 1 working day left
    [InlineData(6, 18, 0, TimingClass.DueSoon)] // after hours: 1.5 h left
    [InlineData(7, 9, 0, TimingClass.DueSoon)] // at the due instant, not yet overdue
    [InlineData(7, 9, 1, TimingClass.Overdue)]
    public void An_item_in_progress_is_within_deadline_due_soon_or_overdue(int day, int hour, int minute, TimingClass expected) =>
        TimingClassifier.ClassifyStep(Calendar, SlaPolicy.Default, Due, null, May(day, hour, minute)).ShouldBe(expected);

    [Fact]
    public void The_dossier_threshold_is_three_working_days_by_default_and_configurable()
    {
        // Monday 4 May 09:00 is exactly 3 working days before Thursday 09:00.
        TimingClassifier.ClassifyDossier(Calendar, SlaPolicy.Default, Due, null, May(4, 9)).ShouldBe(TimingClass.DueSoon);
        TimingClassifier.ClassifyDossier(Calendar, SlaPolicy.Default with { DossierDueSoon = WorkingDuration.WorkingDays(2) }, Due, null, May(4, 9))
            .ShouldBe(TimingClass.WithinDeadline);
    }
}
