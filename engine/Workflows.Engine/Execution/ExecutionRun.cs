using System.Collections.Immutable;
using System.Text.Json;
using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Dossiers;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Execution.Effects;
using Workflows.Engine.Execution.Events;
using Workflows.Engine.Forms;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Execution;

/// <summary>
/// The working memory of one <see cref="WorkflowExecutor.Execute"/> call: starts from the stored state,
/// moves tokens through the graph, and collects events and effects. Never escapes the call, so it may mutate.
/// </summary>
internal sealed partial class ExecutionRun(
    ExecutableProcedure procedure,
    InstanceState state,
    Actor actor,
    DateTimeOffset now,
    IWorkingCalendar calendar,
    IWorkingCalendarSource calendars)
{
    /// <summary>A command that passes more steps than this without stopping at a task is a definition loop.</summary>
    internal const int MaxStepsPerCommand = 1000;

    private readonly ImmutableSortedDictionary<string, JsonElement>.Builder data = state.Data.ToBuilder();
    private readonly ImmutableList<ActiveStep>.Builder active = state.ActiveSteps.ToBuilder();
    private readonly ImmutableSortedDictionary<string, int>.Builder joins = state.JoinArrivals.ToBuilder();
    private ImmutableSortedDictionary<string, UserId> handlers = state.StepHandlers;
    private readonly List<WorkflowEvent> events = [];
    private readonly List<Effect> effects = [];
    private readonly Queue<StepId> pending = new();
    private DossierStatus status = state.Status;
    private int lastStepInstance = state.LastStepInstance;
    private DateTimeOffset? receivedAt = state.ReceivedAt;
    private DateTimeOffset? dueAt = state.DueAt;
    private DateTimeOffset? completedAt = state.CompletedAt;
    private DateTimeOffset? clockPausedAt = state.ClockPausedAt;
    private TimeSpan? remainingAtPause = state.RemainingAtPause;
    private int stepsEntered;

    /// <summary>The person's step whose completion is moving tokens now; new tasks remember it for "return".</summary>
    private StepId? cameFrom;

    public ExecutableProcedure Procedure => procedure;

    public RegisterSnapshot Registers { get; init; } = RegisterSnapshot.Empty;

    /// <summary>Registers restart every calendar year in Vietnam.</summary>
    internal static int RegisterYear(DateTimeOffset now) => now.ToOffset(WorkingCalendarDefinition.VietnamUtcOffset).Year;

    public IReadOnlyDictionary<string, JsonElement> Data => data;

    public Rejection? Submit(SubmitDossier submit)
    {
        foreach (var (key, value) in submit.Data)
        {
            data[key] = value.Clone();
        }

        events.Add(new DossierSubmitted(procedure.Key, submit.Unit, submit.Channel, data.ToImmutable()));
        pending.Enqueue(procedure.Start.Id);
        return Drain();
    }

    /// <summary>The open person's task for this step instance, if <c>actor</c> may work it.</summary>
    public (ActiveStep? Step, Rejection? Rejection) FindTaskFor(int stepInstance, bool mayClaim)
    {
        var step = active.Find(s => s.Instance == stepInstance);
        if (step is null || !step.Kind.IsHumanTask())
        {
            return (null, Rejection.TaskNotOpen(stepInstance));
        }

        var name = procedure.Step(step.Step).Name;
        if (actor.IsSystem)
        {
            return (null, new Rejection(RejectionCodes.NotAuthorized, $"Task {stepInstance} ({name}) must be done by a person, not by the system."));
        }

        if (step.Assignee is { } assignee && assignee != actor.User)
        {
            return (null, new Rejection(
                mayClaim ? RejectionCodes.AlreadyClaimed : RejectionCodes.NotAuthorized,
                $"Task {stepInstance} ({name}) is claimed by '{assignee}'; ask them to release it first."));
        }

        if (step.Role == Validation.DefinitionValidator.ApplicantRole)
        {
            return actor.User == state.SubmittedBy
                ? (step, null)
                : (null, new Rejection(RejectionCodes.NotAuthorized, $"Task {stepInstance} ({name}) is for the applicant who submitted the dossier, not '{actor.User}'."));
        }

        if (step.Unit != actor.Unit || step.Role is null || !actor.HasRole(step.Role))
        {
            return (null, new Rejection(
                RejectionCodes.NotAuthorized,
                $"Task {stepInstance} ({name}) is for role '{step.Role}' in unit '{step.Unit}'; '{actor.User}' holds [{string.Join(", ", actor.Roles)}] in unit '{actor.Unit}'."));
        }

        return (step, null);
    }

    public Rejection? CompleteTask(ActiveStep step, string outcome, IReadOnlyDictionary<string, JsonElement> values, string? comment)
    {
        SetData(step.Step, values);
        AssignNumber(step, outcome);
        cameFrom = step.Step;
        active.Remove(step);
        handlers = handlers.SetItem(step.Step.Value, actor.User);
        events.Add(new StepCompleted(step.Instance, step.Step) { Outcome = outcome, Comment = comment });
        effects.Add(new CloseTask(new TaskId(state.Dossier, step.Instance), TaskClosure.Completed, now, actor.User) { Outcome = outcome });
        foreach (var transition in procedure.Outgoing(step.Step).Where(t => t.Outcome == outcome))
        {
            pending.Enqueue(transition.To);
        }

        return Drain();
    }

    public Rejection? Claim(int stepInstance)
    {
        var (step, rejection) = FindTaskFor(stepInstance, mayClaim: true);
        if (rejection is not null)
        {
            return rejection;
        }

        if (step!.Assignee == actor.User)
        {
            return new Rejection(RejectionCodes.AlreadyClaimed, $"You have already claimed task {stepInstance}.");
        }

        active[active.IndexOf(step)] = step with { Assignee = actor.User };
        events.Add(new TaskClaimed(stepInstance, actor.User));
        effects.Add(new AssignTask(new TaskId(state.Dossier, stepInstance), actor.User));
        return null;
    }

    public Rejection? Release(int stepInstance)
    {
        var step = active.Find(s => s.Instance == stepInstance && s.Kind.IsHumanTask());
        if (step is null)
        {
            return Rejection.TaskNotOpen(stepInstance);
        }

        if (step.Assignee != actor.User)
        {
            return new Rejection(RejectionCodes.NotAuthorized, step.Assignee is null
                ? $"Task {stepInstance} is not claimed by anyone."
                : $"Only '{step.Assignee}', who claimed task {stepInstance}, can release it.");
        }

        active[active.IndexOf(step)] = step with { Assignee = null };
        events.Add(new TaskReleased(stepInstance, actor.User));
        effects.Add(new AssignTask(new TaskId(state.Dossier, stepInstance), null));
        return null;
    }

    public Rejection? FireTimer(int stepInstance)
    {
        var step = active.Find(s => s.Instance == stepInstance);
        if (step is null || step.Kind != StepKind.Timer)
        {
            return new Rejection(RejectionCodes.NotATimer, $"Step instance {stepInstance} is not a running timer (it moved on or never was one).");
        }

        active.Remove(step);
        events.Add(new StepCompleted(step.Instance, step.Step));
        foreach (var transition in procedure.Outgoing(step.Step))
        {
            pending.Enqueue(transition.To);
        }

        return Drain();
    }

    public Rejection? Withdraw(string reason)
    {
        var official = actor.Unit == state.Unit && !actor.Roles.IsDefaultOrEmpty && !actor.IsSystem;
        if (actor.User != state.SubmittedBy && !official)
        {
            return new Rejection(RejectionCodes.NotAuthorized, $"Only the applicant who submitted the dossier (or an official of unit '{state.Unit}' recording their request) can withdraw it.");
        }

        return Close(DossierStatus.Withdrawn, reason, "withdraw");
    }

    public Rejection? Stop(string reason)
    {
        var stopRoles = procedure.Definition.Policies.StopRoles;
        if (actor.Unit != state.Unit || !stopRoles.Any(actor.HasRole))
        {
            return new Rejection(RejectionCodes.NotAuthorized, stopRoles.IsEmpty
                ? $"Procedure '{procedure.Key.Procedure}' names no roles that may stop a dossier (policies.stopRoles)."
                : $"Stopping a dossier takes one of the roles [{string.Join(", ", stopRoles)}] in unit '{state.Unit}'.");
        }

        return StopRefusedWhileSupplementWindowOpen() ?? Close(DossierStatus.Stopped, reason, "stop");
    }

    /// <summary>Ends the dossier outside its graph (withdrawal, stop): every waiting step is cancelled.</summary>
    private Rejection? Close(DossierStatus final, string reason, string what)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new Rejection(RejectionCodes.InvalidData, $"Say why: a reason is required to {what} a dossier; the applicant will read it.");
        }

        if (!DossierStatusRules.CanChange(status, final))
        {
            return new Rejection(RejectionCodes.IllegalStatusChange, status == DossierStatus.New
                ? "The dossier has not been received yet, so it cannot be stopped; refuse it at receipt instead (form 03)."
                : $"A dossier that is '{KebabCase.Name(status)}' can no longer be {(final == DossierStatus.Withdrawn ? "withdrawn" : "stopped")}.");
        }

        RecordStatus(final);
        CancelWaiting($"The dossier was {(final == DossierStatus.Withdrawn ? "withdrawn" : "stopped")}.");
        completedAt = now;
        events.Add(new DossierCompleted(null, final) { Reason = reason.Trim() });
        return null;
    }

    private void CancelWaiting(string reason)
    {
        foreach (var step in active.OrderBy(s => s.Instance))
        {
            events.Add(new StepCancelled(step.Instance, step.Step, reason));
            effects.Add(step.Kind == StepKind.Timer
                ? new CancelTimer(state.Dossier, step.Instance)
                : new CloseTask(new TaskId(state.Dossier, step.Instance), TaskClosure.Cancelled, now, actor.User));
        }

        active.Clear();
        joins.Clear();
        pending.Clear();
    }

    public Accepted Finish()
    {
        ApplyDeadlineRules();
        var recorded = events
            .Select((e, i) => new RecordedEvent(state.LastEventSequence + i + 1, now, actor.User, e))
            .ToImmutableArray();
        var next = state with
        {
            Status = status,
            Version = state.Version + 1,
            LastEventSequence = state.LastEventSequence + events.Count,
            Data = data.ToImmutable(),
            ActiveSteps = active.ToImmutable(),
            JoinArrivals = joins.ToImmutable(),
            StepHandlers = handlers,
            LastStepInstance = lastStepInstance,
            ReceivedAt = receivedAt,
            DueAt = dueAt,
            DeadlineRule = deadlineRule,
            CompletedAt = completedAt,
            ClockPausedAt = clockPausedAt,
            RemainingAtPause = remainingAtPause,
            Sla = CompleteSla(),
            Attachments = attachments,
            Signatures = signatures,
        };
        return new Accepted(next, recorded, [.. effects]);
    }

    /// <summary>Moves every pending token on until each rests in a waiting step or the dossier ends.</summary>
    private Rejection? Drain()
    {
        while (pending.TryDequeue(out var stepId))
        {
            if (++stepsEntered > MaxStepsPerCommand)
            {
                return new Rejection(RejectionCodes.RunawayLoop, $"The procedure passed {MaxStepsPerCommand} steps without waiting for anyone (last: '{stepId}'); its definition loops. Ask the analyst to fix it.");
            }

            if (Enter(procedure.Step(stepId)) is { } rejection)
            {
                return rejection;
            }
        }

        return null;
    }

    private Rejection? Enter(StepDefinition step)
    {
        if (step.Kind != StepKind.End && step.Status is { } stepStatus && ChangeStatus(stepStatus, step) is { } rejected)
        {
            return rejected;
        }

        var instance = ++lastStepInstance;
        switch (step.Kind)
        {
            case StepKind.Start:
            case StepKind.ParallelSplit:
                ContinueFrom(step);
                return null;
            case StepKind.Task or StepKind.Signature or StepKind.Issue:
                OpenTask(step, instance);
                return OnTaskOpened(step, active[active.Count - 1]);
            case StepKind.Timer:
                StartTimer(step, instance);
                return null;
            case StepKind.Gateway:
                return Route(step, instance);
            case StepKind.ParallelJoin:
                Join(step);
                return null;
            case StepKind.Automatic:
                return RunAutomatic(step);
            case StepKind.End:
                return End(step);
            default:
                throw new InvalidOperationException($"Step kind {step.Kind} is not handled.");
        }
    }

    private void ContinueFrom(StepDefinition step)
    {
        foreach (var transition in procedure.Outgoing(step.Id))
        {
            pending.Enqueue(transition.To);
        }
    }

    private void OpenTask(StepDefinition step, int instance)
    {
        var unit = step.Unit ?? state.Unit;
        var due = step.Budget is { } budget ? calendars.For(unit).Add(now, budget) : SupplementWindowDue(step);
        var bookmark = new Bookmark(BookmarkKind.Task, $"role:{step.Role}@{unit}", instance, now, due);
        active.Add(new ActiveStep(instance, step.Id, step.Kind, now, bookmark) { Role = step.Role, Unit = unit, DueAt = due, CameFrom = cameFrom });
        events.Add(new StepStarted(instance, step.Id, step.Kind) { Role = step.Role, Unit = unit, DueAt = due });
        effects.Add(new OpenTask(new TaskId(state.Dossier, instance), step.Id, step.Kind, step.Name, step.Role!, unit, now) { DueAt = due });
        PlanStepTimers(active[active.Count - 1]);
        PlanSupplementWindow(active[active.Count - 1]);
    }

    private void StartTimer(StepDefinition step, int instance)
    {
        var due = calendar.Add(now, step.Wait!.Value);
        active.Add(new ActiveStep(instance, step.Id, step.Kind, now, new Bookmark(BookmarkKind.Timer, "timer", instance, now, due)) { DueAt = due });
        events.Add(new StepStarted(instance, step.Id, step.Kind) { DueAt = due });
        effects.Add(new ScheduleTimer(state.Dossier, instance, due, TimerPurpose.TimerStep));
    }

    private Rejection? Route(StepDefinition gateway, int instance)
    {
        TransitionDefinition? chosen = null;
        foreach (var transition in procedure.Outgoing(gateway.Id).Where(t => !t.IsDefault))
        {
            var result = procedure.Expression(transition.Condition!).Evaluate(data);
            if (!result.TryGetBoolean(out var holds, out var error))
            {
                return new Rejection(RejectionCodes.ConditionFailed, $"Gateway '{gateway.Id}' could not decide: the condition \"{transition.Condition}\" (towards '{transition.To}') failed: {error}");
            }

            if (holds)
            {
                chosen = transition;
                break;
            }
        }

        chosen ??= procedure.Outgoing(gateway.Id).Single(t => t.IsDefault);
        events.Add(new GatewayRouted(instance, gateway.Id, chosen.To, chosen.Condition ?? "default"));
        pending.Enqueue(chosen.To);
        return null;
    }

    private void Join(StepDefinition join)
    {
        var key = join.Id.Value;
        var arrived = joins.GetValueOrDefault(key) + 1;
        var expected = procedure.IncomingCount(join.Id);
        if (arrived < expected)
        {
            joins[key] = arrived;
            events.Add(new JoinWaiting(join.Id, arrived, expected));
            return;
        }

        joins.Remove(key);
        ContinueFrom(join);
    }

    private Rejection? RunAutomatic(StepDefinition step)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (field, text) in step.Assignments.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var result = procedure.Expression(text).Evaluate(data);
            if (!result.Succeeded)
            {
                return new Rejection(RejectionCodes.ConditionFailed, $"Automatic step '{step.Id}' could not compute '{field}' from \"{text}\": {result.Error}");
            }

            values[field] = result.Value!.ToJsonElement();
        }

        var problems = FormDataValidator.Validate(procedure.Definition.Form, values, FieldWrites.ByDefinition(procedure.Definition), requiredKeys: []);
        if (problems.Count > 0)
        {
            return new Rejection(RejectionCodes.InvalidData, $"Automatic step '{step.Id}' computed data the form does not accept: {string.Join(" ", problems)}");
        }

        SetData(step.Id, values);
        ContinueFrom(step);
        return null;
    }

    private Rejection? End(StepDefinition end)
    {
        if (end.Status is { } final && ChangeStatus(final, end) is { } rejected)
        {
            return rejected;
        }

        CancelWaiting($"The dossier ended at '{end.Id}'.");
        completedAt = now;
        events.Add(new DossierCompleted(end.Id, status));
        return null;
    }

    private Rejection? ChangeStatus(DossierStatus to, StepDefinition because)
    {
        if (to == status)
        {
            return null;
        }

        // A new dossier cannot be worked before it is received: going straight to processing passes
        // through "received", which is the moment the legal clock starts (docs/domain.md "Dossier status").
        if (status == DossierStatus.New && to is DossierStatus.InProcess or DossierStatus.AwaitingFee or DossierStatus.ResultReady)
        {
            RecordStatus(DossierStatus.Received);
        }

        if (to == DossierStatus.ResultReady && CheckResultSigned() is { } unsigned)
        {
            return unsigned;
        }

        if (!DossierStatusRules.CanChange(status, to))
        {
            return new Rejection(RejectionCodes.IllegalStatusChange, $"Step '{because.Id}' would move the dossier from '{KebabCase.Name(status)}' to '{KebabCase.Name(to)}', which is not allowed. The procedure definition needs fixing.");
        }

        RecordStatus(to);
        return null;
    }

    private void RecordStatus(DossierStatus to)
    {
        var change = new DossierStatusChanged(status, to);
        var ruleAtReceipt = (int?)null;
        if (receivedAt is null && to == DossierStatus.Received)
        {
            receivedAt = now;
            ruleAtReceipt = deadlineRule = RuleThatNowApplies();
            dueAt = AppliedDeadline is { } deadline ? calendar.Add(now, deadline) : null;
            change = change with { DueAt = dueAt };
        }

        var wasPaused = DossierStatusRules.PausesClock(status);
        status = to;
        events.Add(change);
        if (ruleAtReceipt is { } rule)
        {
            RecordRuleAtReceipt(rule);
        }

        if (!wasPaused && DossierStatusRules.PausesClock(to))
        {
            PauseClock();
        }
        else if (wasPaused && !DossierStatusRules.PausesClock(to) && !DossierStatusRules.IsFinal(to))
        {
            ResumeClock();
        }
    }

    private void PauseClock()
    {
        if (dueAt is not { } due)
        {
            return; // not received yet: the clock has not started
        }

        clockPausedAt = now;
        remainingAtPause = calendar.WorkingTimeBetween(now, due);
        events.Add(new ClockPaused(remainingAtPause.Value));
    }

    private void ResumeClock()
    {
        if (clockPausedAt is null)
        {
            return;
        }

        var mode = procedure.Definition.Policies.ClockOnResume;
        dueAt = mode == ClockResumption.Restart && AppliedDeadline is { } deadline
            ? calendar.Add(now, deadline)
            : calendar.AddWorkingTime(now, remainingAtPause ?? TimeSpan.Zero);
        clockPausedAt = null;
        remainingAtPause = null;
        events.Add(new ClockResumed(dueAt.Value, mode));
    }

    private void AssignNumber(ActiveStep step, string outcome)
    {
        if (procedure.Step(step.Step).Numbering is not { } rule
            || (!rule.Outcomes.IsEmpty && !rule.Outcomes.Contains(outcome))
            || (data.TryGetValue(rule.Field, out var existing) && existing.ValueKind == JsonValueKind.String))
        {
            return; // not this outcome, or numbered already (a rework loop does not renumber)
        }

        var key = new RegisterKey(step.Unit ?? state.Unit, rule.Register, RegisterYear(now));
        var next = Registers.LastOf(key) + 1;
        var number = NumberFormat.Apply(rule.Format, next, key);
        effects.Add(new ConsumeNumber(key, next, number));
        events.Add(new NumberAssigned(rule.Register, rule.Field, number, next));
        SetData(step.Step, new Dictionary<string, JsonElement> { [rule.Field] = JsonSerializer.SerializeToElement(number) });
    }

    private void SetData(StepId step, IReadOnlyDictionary<string, JsonElement> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        var changed = ImmutableSortedDictionary.CreateBuilder<string, JsonElement>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            var copy = value.Clone();
            data[key] = copy;
            changed[key] = copy;
        }

        events.Add(new DataChanged(step, changed.ToImmutable()));
    }
}
