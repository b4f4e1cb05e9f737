using Microsoft.Extensions.Time.Testing;
using Workflows.Engine.Calendar;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Identity;
using Workflows.Engine.Tests.Execution;
using Workflows.Engine.Tests.Support;

namespace Workflows.Engine.Tests.Sla;

/// <summary>A 15-working-day procedure with the full escalation ladder, driven on the seeded legal calendar.</summary>
internal sealed class SlaRun
{
    public const string Definition = """
        {
          "id": "construction-permit", "name": "Cấp giấy phép xây dựng", "deadline": "15d",
          "roles": [ { "id": "desk-officer" }, { "id": "specialist" }, { "id": "leader" } ],
          "escalation": [
            { "after": "-1d", "action": "notify-assignee" },
            { "after": "0h", "action": "notify-unit-leader" },
            { "after": "4h", "action": "reassign" },
            { "after": "1d", "action": "raise-priority" },
            { "after": "1d", "action": "draft-apology" }
          ],
          "form": { "fields": [ { "key": "missing", "type": "text" } ] },
          "steps": [
            { "id": "start", "kind": "start" },
            { "id": "receive", "kind": "task", "role": "desk-officer", "outcomes": ["accept"] },
            { "id": "appraise", "kind": "task", "role": "specialist", "budget": "3d", "status": "in-process", "outcomes": ["supplement", "done"] },
            { "id": "supplement", "kind": "task", "role": "applicant", "status": "supplement-requested", "outcomes": ["supplemented"], "fields": ["missing"] },
            { "id": "end", "kind": "end", "status": "refused" }
          ],
          "transitions": [
            { "from": "start", "to": "receive" },
            { "from": "receive", "to": "appraise", "outcome": "accept" },
            { "from": "appraise", "to": "supplement", "outcome": "supplement" },
            { "from": "supplement", "to": "appraise", "outcome": "supplemented" },
            { "from": "appraise", "to": "end", "outcome": "done" }
          ]
        }
        """;

    /// <summary>Monday 4 May 2026 09:00: after the 30 April / 1 May holidays, none in the following weeks.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 5, 4, 9, 0, 0, TimeSpan.FromHours(7));

    public static readonly Actor Applicant = new(new UserId("citizen-an"), new UnitId("tinh-demo"), ["citizen"]);
    public static readonly Actor Desk = new(new UserId("desk-lan"), Actors.Commune, ["desk-officer"]);
    public static readonly Actor Specialist = new(new UserId("spec-hoa"), Actors.Commune, ["specialist"]);
    public static readonly Actor Leader = new(new UserId("leader-tuan"), Actors.Commune, ["leader"]);
    public static readonly Actor Timers = Actor.System(Actors.Commune);

    public SlaRun(string definition = Definition, IWorkingCalendarSource? calendars = null)
    {
        Calendars = calendars ?? DefaultCalendarSource.Around(Monday);
        Executor = new WorkflowExecutor(Calendars);
        Procedure = SampleProcedures.Executable(definition);
    }

    public IWorkingCalendarSource Calendars { get; }

    public WorkflowExecutor Executor { get; set; }

    public ExecutableProcedure Procedure { get; }

    public InstanceState State { get; private set; } = null!;

    public Decision Execute(WorkflowCommand command, DateTimeOffset at) => Executor.Execute(Procedure, State, command, at);

    public Accepted Do(WorkflowCommand command, DateTimeOffset at)
    {
        var decision = Execute(command, at);
        var accepted = decision as Accepted ?? throw new ShouldAssertException($"Rejected: {((Rejected)decision).Rejection}");
        State = accepted.State;
        return accepted;
    }

    public int Task(string step) => State.ActiveSteps.Single(s => s.Step.Value == step).Instance;

    public Accepted Fire(int stepInstance, TimerPurpose purpose, int rung, DateTimeOffset at) =>
        Do(new SlaTimerFired(stepInstance, purpose, rung, Timers), at);

    /// <summary>Submitted and received at <paramref name="at"/>: the appraisal step is open.</summary>
    public SlaRun ReceivedAt(DateTimeOffset at)
    {
        Do(new SubmitDossier(BirthRegistrationRun.Id, Actors.Commune, SubmissionChannel.Online, Json.None, Applicant), at);
        Do(new CompleteTask(Task("receive"), "accept", Json.None, Desk), at);
        return this;
    }
}
