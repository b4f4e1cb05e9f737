using System.Collections.Immutable;
using System.Text.Json;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Persistence.Tests.Contract;

/// <summary>
/// States, events and effects built directly as records, with literal instants in Vietnam's offset: the
/// stores must keep whatever the core hands them, so the tests do not need the executor.
/// </summary>
internal static class Samples
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public static readonly DefinitionKey Definition = new(new ProcedureId("birth-registration"), 1);

    public static readonly UserId Citizen = new("citizen-binh");

    public static readonly UserId Officer = new("officer-an");

    public static DateTimeOffset At(int day, int hour, int minute = 0) => new(2025, 3, day, hour, minute, 0, Vietnam);

    public static DossierId NewDossierId() => new(Guid.NewGuid());

    /// <summary>A dossier just submitted at the desk: it waits in step 1, "receive", for the unit's desk officers.</summary>
    public static DossierChange Submitted(DossierId id, UnitId unit, DateTimeOffset at, DateTimeOffset? taskDue = null)
    {
        var data = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, JsonElement>
        {
            ["childName"] = JsonSerializer.SerializeToElement("Nguyễn Thị Ánh Dương"),
            ["birthPlace"] = JsonSerializer.SerializeToElement("Bệnh viện Từ Dũ, Quận 1, TP. Hồ Chí Minh"),
            ["weightGrams"] = JsonSerializer.SerializeToElement(3150),
        });
        var receive = new ActiveStep(1, new StepId("receive"), StepKind.Task, at, new Bookmark(BookmarkKind.Task, $"role:desk-officer@{unit}", 1, at, taskDue))
        {
            Role = "desk-officer",
            Unit = unit,
            DueAt = taskDue,
        };
        var state = new InstanceState(id, Definition, unit, DossierStatus.New)
        {
            Version = 1,
            LastEventSequence = 2,
            Data = data,
            ActiveSteps = [receive],
            LastStepInstance = 1,
            SubmittedAt = at,
        };
        ImmutableArray<RecordedEvent> events =
        [
            new(1, at, Citizen, new DossierSubmitted(Definition, unit, SubmissionChannel.Online, data)),
            new(2, at, Citizen, new StepStarted(1, new StepId("receive"), StepKind.Task) { Role = "desk-officer", Unit = unit, DueAt = taskDue }),
        ];
        var open = new OpenTask(new TaskId(id, 1), new StepId("receive"), StepKind.Task, "Tiếp nhận hồ sơ", "desk-officer", unit, at) { DueAt = taskDue };
        return new DossierChange(state, events, [open]);
    }

    /// <summary>
    /// The next accepted command on <paramref name="previous"/>: version and event numbers continue from it, and the
    /// change says what it was decided on, as the runtime's changes do.
    /// </summary>
    public static DossierChange Next(InstanceState previous, DateTimeOffset at, UserId actor, IEnumerable<WorkflowEvent> events, IEnumerable<Effect> effects, Func<InstanceState, InstanceState>? update = null)
    {
        var recorded = events.Select((e, i) => new RecordedEvent(previous.LastEventSequence + 1 + i, at, actor, e)).ToImmutableArray();
        var state = (update ?? (s => s))(previous) with
        {
            Version = previous.Version + 1,
            LastEventSequence = previous.LastEventSequence + recorded.Length,
        };
        return new DossierChange(state, recorded, [.. effects]) { Previous = previous };
    }

    /// <summary>Starts a timer step (instance <paramref name="instance"/>) waiting until <paramref name="due"/>.</summary>
    public static DossierChange StartTimer(InstanceState previous, int instance, DateTimeOffset at, DateTimeOffset due) =>
        Next(
            previous,
            at,
            Actor.SystemUser,
            [new StepStarted(instance, new StepId("wait-" + instance.ToString(System.Globalization.CultureInfo.InvariantCulture)), StepKind.Timer) { DueAt = due }],
            [new ScheduleTimer(previous.Dossier, instance, due, TimerPurpose.TimerStep)],
            s => s with
            {
                ActiveSteps = s.ActiveSteps.Add(new ActiveStep(instance, new StepId("wait-" + instance.ToString(System.Globalization.CultureInfo.InvariantCulture)), StepKind.Timer, at, new Bookmark(BookmarkKind.Timer, "timer", instance, at, due)) { DueAt = due }),
                LastStepInstance = Math.Max(s.LastStepInstance, instance),
            });

    /// <summary>Ends active step <paramref name="instance"/> without any effect (as a fired timer does).</summary>
    public static DossierChange LeaveStep(InstanceState previous, int instance, DateTimeOffset at, params Effect[] effects) =>
        Next(
            previous,
            at,
            Actor.SystemUser,
            [new StepCompleted(instance, previous.FindActive(instance)!.Step)],
            effects,
            s => s with { ActiveSteps = s.ActiveSteps.RemoveAll(a => a.Instance == instance) });

    public static ProcedureDefinition Procedure(string id, string name = "Đăng ký khai sinh") =>
        new(new ProcedureId(id), 0, name)
        {
            Description = "Thủ tục đăng ký khai sinh cho trẻ em sinh ra tại Việt Nam.",
            Roles = [new RoleDefinition("desk-officer", "Cán bộ một cửa")],
            Steps =
            [
                new StepDefinition(new StepId("start"), StepKind.Start, "Bắt đầu"),
                new StepDefinition(new StepId("receive"), StepKind.Task, "Tiếp nhận hồ sơ") { Role = "desk-officer", Outcomes = ["accept"] },
                new StepDefinition(new StepId("end"), StepKind.End, "Kết thúc") { Status = DossierStatus.Returned },
            ],
            Transitions =
            [
                new TransitionDefinition(new StepId("start"), new StepId("receive")),
                new TransitionDefinition(new StepId("receive"), new StepId("end")) { Outcome = "accept" },
            ],
        };
}
