using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Sla;
using Workflows.Engine.Tests.Execution;
using Workflows.Engine.Tests.Sla;
using Workflows.Engine.Tests.Support;
using Workflows.Engine.Validation;

namespace Workflows.Engine.Tests.Deadlines;

/// <summary>A dossier's deadline that depends on a field or an outcome, on the seeded legal calendar (no holidays in May 2026 after the 1st).</summary>
public class DeadlineRuleTests
{
    private const string Definition = """
        {
          "id": "marriage", "name": "Đăng ký kết hôn", "deadline": "same-day@15:00",
          "deadlineRules": [
            { "outcome": { "step": "appraise", "outcome": "consult" }, "deadline": "10d", "reason": "Lấy ý kiến cơ quan khác" },
            { "when": "needsVerification == true", "deadline": "5d", "reason": "Cần xác minh" }
          ],
          "roles": [ { "id": "desk-officer" }, { "id": "specialist" } ],
          "form": { "fields": [ { "key": "needsVerification", "type": "boolean" } ] },
          "steps": [
            { "id": "start", "kind": "start" },
            { "id": "receive", "kind": "task", "role": "desk-officer", "outcomes": ["accept"], "fields": ["needsVerification"] },
            { "id": "appraise", "kind": "task", "role": "specialist", "budget": "4h", "status": "in-process", "outcomes": ["recommend", "consult", "review"], "fields": ["needsVerification"] },
            { "id": "consult", "kind": "task", "role": "specialist", "status": "in-process", "outcomes": ["answered"] },
            { "id": "end", "kind": "end", "status": "refused" }
          ],
          "transitions": [
            { "from": "start", "to": "receive" },
            { "from": "receive", "to": "appraise", "outcome": "accept" },
            { "from": "appraise", "to": "end", "outcome": "recommend" },
            { "from": "appraise", "to": "appraise", "outcome": "review" },
            { "from": "appraise", "to": "consult", "outcome": "consult" },
            { "from": "consult", "to": "appraise", "outcome": "answered" }
          ]
        }
        """;

    private static readonly DateTimeOffset Monday = SlaRun.Monday; // 4 May 2026, 09:00

    private static DateTimeOffset May(int day, int hour, int minute = 0) => new(2026, 5, day, hour, minute, 0, TimeSpan.FromHours(7));

    private static SlaRun Received(object? receiptData = null)
    {
        var run = new SlaRun(Definition);
        run.Do(new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Online, Json.None, SlaRun.Applicant), Monday);
        run.Do(new CompleteTask(run.Task("receive"), "accept", receiptData is null ? Json.None : Json.Data(receiptData), SlaRun.Desk), Monday);
        return run;
    }

    private static Accepted Appraise(SlaRun run, string outcome, object data, DateTimeOffset at) =>
        run.Do(new CompleteTask(run.Task("appraise"), outcome, Json.Data(data), SlaRun.Specialist), at);

    [Fact]
    public void Without_a_rule_holding_the_dossier_is_due_the_same_day()
    {
        var run = Received();

        run.State.DueAt.ShouldBe(May(4, 17));
        run.State.DeadlineRule.ShouldBeNull();
    }

    [Fact]
    public void When_appraisal_says_verification_is_needed_the_appointment_becomes_five_working_days_from_receipt_and_the_timers_follow()
    {
        var run = Received();

        var appraised = Appraise(run, "review", new { needsVerification = true }, May(4, 10));

        var changed = appraised.Events.Select(e => e.Event).OfType<DeadlineChanged>().ShouldHaveSingleItem();
        changed.ShouldBe(new DeadlineChanged(1, "5d", "Cần xác minh", May(4, 17), May(11, 9)) { PreviousDeadline = "same-day@15:00" });
        run.State.DueAt.ShouldBe(May(11, 9));
        run.State.DeadlineRule.ShouldBe(1);
        appraised.Effects.OfType<ScheduleTimer>().Where(t => t.StepInstance == SlaTimer.DossierInstance).Select(t => t.DueAt).ShouldContain(May(11, 9));
        run.State.Sla.Timers.Where(t => t.StepInstance == SlaTimer.DossierInstance && t.Purpose == TimerPurpose.Overdue).ShouldHaveSingleItem().DueAt.ShouldBe(May(11, 9));
    }

    [Fact]
    public void A_rule_that_applied_stays_when_its_field_changes_back_and_only_an_earlier_rule_replaces_it()
    {
        var run = Received();
        Appraise(run, "review", new { needsVerification = true }, May(4, 10));

        Appraise(run, "review", new { needsVerification = false }, May(4, 11)).Events.Select(e => e.Event).OfType<DeadlineChanged>().ShouldBeEmpty();
        run.State.DueAt.ShouldBe(May(11, 9));

        var consulted = Appraise(run, "consult", new { }, May(4, 14));

        consulted.Events.Select(e => e.Event).OfType<DeadlineChanged>().ShouldHaveSingleItem().ShouldBe(
            new DeadlineChanged(0, "10d", "Lấy ý kiến cơ quan khác", May(11, 9), May(18, 9)) { PreviousDeadline = "5d" });
        run.State.DueAt.ShouldBe(May(18, 9));
    }

    [Fact]
    public void A_rule_that_holds_at_receipt_gives_the_appointment_of_form_01_and_history_says_why()
    {
        var run = new SlaRun(Definition);
        run.Do(new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Online, Json.None, SlaRun.Applicant), Monday);

        var received = run.Do(new CompleteTask(run.Task("receive"), "accept", Json.Data(new { needsVerification = true }), SlaRun.Desk), Monday);

        var events = received.Events.Select(e => e.Event).ToList();
        events.OfType<DossierStatusChanged>().First().DueAt.ShouldBe(May(11, 9));
        events.OfType<DeadlineChanged>().ShouldHaveSingleItem().ShouldBe(new DeadlineChanged(1, "5d", "Cần xác minh", May(4, 17), May(11, 9)) { PreviousDeadline = "same-day@15:00" });
        events.IndexOf(events.OfType<DeadlineChanged>().Single()).ShouldBe(events.IndexOf(events.OfType<DossierStatusChanged>().First()) + 1);
        run.State.DeadlineRule.ShouldBe(1);
    }

    [Fact]
    public void Time_the_clock_stood_still_before_the_rule_applied_is_kept()
    {
        // Receipt Monday 09:00 (same day: 17:00); the applicant had the dossier from Monday 10:00 to Wednesday 10:00,
        // i.e. the appointment moved by 16 working hours; then verification is needed: 5 days from receipt + 16 h.
        var run = Received();
        var paused = run.State with { DueAt = May(6, 17) };
        var executor = run.Executor;
        var decision = executor.Execute(run.Procedure, paused, new CompleteTask(run.Task("appraise"), "review", Json.Data(new { needsVerification = true }), SlaRun.Specialist), May(6, 11));

        decision.ShouldBeOfType<Accepted>().State.DueAt.ShouldBe(May(13, 9));
    }

    [Fact]
    public void A_dossier_moved_to_a_new_version_keeps_its_rule_where_that_version_lists_it()
    {
        var run = Received();
        Appraise(run, "review", new { needsVerification = true }, May(4, 10));
        var v1 = run.Procedure.Definition;
        var v2 = ExecutableProcedure.Create(v1 with { Version = 2, DeadlineRules = [v1.DeadlineRules[1] with { Reason = "Xác minh" }, v1.DeadlineRules[0]] });
        var v3 = ExecutableProcedure.Create(v1 with { Version = 3, DeadlineRules = [v1.DeadlineRules[0]] });
        var mapping = new Dictionary<StepId, StepId>();

        InstanceMigration.Migrate(run.Procedure, v2, run.State, mapping, SlaRun.Specialist, May(4, 11)).ShouldBeOfType<Accepted>().State.DeadlineRule.ShouldBe(0);
        var moved = InstanceMigration.Migrate(run.Procedure, v3, run.State, mapping, SlaRun.Specialist, May(4, 11)).ShouldBeOfType<Accepted>().State;
        moved.DeadlineRule.ShouldBeNull();
        moved.DueAt.ShouldBe(May(11, 9));
    }

    [Fact]
    public void The_timing_class_and_so_the_on_time_rate_read_the_deadline_that_applied()
    {
        var run = Received();
        Appraise(run, "review", new { needsVerification = true }, May(4, 10));
        var done = Appraise(run, "recommend", new { }, May(7, 10)).State;

        var calendar = run.Calendars.For(Actors.Commune);
        TimingClassifier.ClassifyDossier(calendar, SlaPolicy.Default, done.DueAt!.Value, done.CompletedAt, May(7, 10)).ShouldBe(TimingClass.Early);
        TimingClassifier.ClassifyDossier(calendar, SlaPolicy.Default, May(4, 17), done.CompletedAt, May(7, 10)).ShouldBe(TimingClass.Late, "the same-day deadline would have made it late");
    }
}

/// <summary>What the parser and validator say about "deadlineRules".</summary>
public class DeadlineRuleDefinitionTests
{
    private const string Shape = """
        {
          "id": "p", "name": "P", "deadline": "same-day", "deadlineRules": RULES,
          "roles": [ { "id": "officer" } ],
          "form": { "fields": [ { "key": "needsVerification", "type": "boolean" }, { "key": "note", "type": "text" } ] },
          "steps": [
            { "id": "start", "kind": "start" },
            { "id": "work", "kind": "task", "role": "officer", "outcomes": ["done", "verify"], "budget": "4h" },
            { "id": "end", "kind": "end", "status": "refused" }
          ],
          "transitions": [ { "from": "start", "to": "work" }, { "from": "work", "to": "end", "outcome": "done" }, { "from": "work", "to": "end", "outcome": "verify" } ]
        }
        """;

    private static DefinitionParseResult Parse(string rules) => DefinitionJson.Parse(Shape.Replace("RULES", rules, StringComparison.Ordinal));

    [Fact]
    public void The_marriage_registration_is_due_the_same_day_unless_verification_is_needed()
    {
        var marriage = SampleProcedures.Load("marriage-registration");

        marriage.Deadline.ShouldBe(WorkingDuration.SameDay(new TimeOnly(15, 0)));
        var rule = marriage.DeadlineRules.ShouldHaveSingleItem();
        rule.When.ShouldBe("needsVerification == true");
        rule.Deadline.ShouldBe(WorkingDuration.WorkingDays(5));
        DefinitionValidator.Validate(marriage).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Rules_read_back_as_they_were_written()
    {
        var parsed = Parse("""[ { "when": "needsVerification == true", "deadline": "5d", "reason": "Xác minh" }, { "outcome": { "step": "work", "outcome": "verify" }, "deadline": "10d" } ]""");

        var definition = parsed.Definition.ShouldNotBeNull();
        var again = DefinitionJson.Parse(DefinitionJson.Serialize(definition)).Definition.ShouldNotBeNull();
        again.DeadlineRules.ShouldBe(definition.DeadlineRules);
        DefinitionValidator.Validate(definition).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData("""[ { "deadline": "5d" } ]""", "invalid-deadline-rule", "$.deadlineRules[0]")]
    [InlineData("""[ { "when": "needsVerification", "outcome": { "step": "work", "outcome": "done" }, "deadline": "5d" } ]""", "invalid-deadline-rule", "$.deadlineRules[0]")]
    [InlineData("""[ { "when": "needsVerification == true", "deadline": "five days" } ]""", "invalid-duration", "$.deadlineRules[0].deadline")]
    public void A_rule_without_exactly_one_trigger_or_with_a_bad_deadline_is_not_read(string rules, string code, string location)
    {
        var parsed = Parse(rules);

        parsed.Definition.ShouldBeNull();
        parsed.Problems.ShouldContain(p => p.Code == code && p.Location == location);
    }

    [Theory]
    [InlineData("""[ { "when": "verified == true", "deadline": "5d" } ]""", "unknown-field", "$.deadlineRules[0].when")]
    [InlineData("""[ { "when": "note + 1", "deadline": "5d" } ]""", "expression-type", "$.deadlineRules[0].when")]
    [InlineData("""[ { "outcome": { "step": "work", "outcome": "consult" }, "deadline": "5d" } ]""", "unknown-outcome", "$.deadlineRules[0].outcome.outcome")]
    [InlineData("""[ { "outcome": { "step": "nowhere", "outcome": "done" }, "deadline": "5d" } ]""", "unknown-step", "$.deadlineRules[0].outcome.step")]
    [InlineData("""[ { "when": "needsVerification == true", "deadline": "same-day" } ]""", "deadline-rule-unchanged", "$.deadlineRules[0].deadline")]
    public void The_validator_checks_each_rule_against_fields_steps_and_the_deadline_it_replaces(string rules, string code, string location)
    {
        var definition = Parse(rules).Definition.ShouldNotBeNull();

        DefinitionValidator.Validate(definition).Errors.ShouldContain(p => p.Code == code && p.Location == location);
    }

    [Fact]
    public void Rules_need_the_procedure_deadline_they_replace()
    {
        var definition = Parse("""[ { "when": "needsVerification == true", "deadline": "5d" } ]""").Definition.ShouldNotBeNull() with { Deadline = null };

        DefinitionValidator.Validate(definition).Errors.ShouldContain(p => p.Code == "deadline-rule-without-deadline");
    }

    [Fact]
    public void Budgets_may_fill_the_longest_deadline_a_rule_allows()
    {
        var definition = Parse("""[ { "when": "needsVerification == true", "deadline": "5d" } ]""").Definition.ShouldNotBeNull();
        var longer = definition with { Steps = [.. definition.Steps.Select(s => s.Id.Value == "work" ? s with { Budget = WorkingDuration.WorkingDays(4) } : s)] };

        DefinitionValidator.Validate(longer).Errors.ShouldNotContain(p => p.Code == "budget-exceeds-deadline");
        DefinitionValidator.Validate(longer with { DeadlineRules = [] }).Errors.ShouldContain(p => p.Code == "budget-exceeds-deadline");
    }
}
