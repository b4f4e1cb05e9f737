using System.Collections.Immutable;
using Workflows.Engine.Calendar;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Identity;
using Workflows.Engine.Serialization;

namespace Workflows.Engine.Simulation;

/// <summary>
/// Runs a <see cref="SimulationScript"/> against a definition entirely in memory: nothing is stored,
/// time is the script's, so the same script always gives the same trace.
/// </summary>
public sealed class Simulator(IWorkingCalendarSource calendars)
{
    private readonly WorkflowExecutor executor = new(calendars);

    public SimulationTrace Run(ExecutableProcedure procedure, SimulationScript script)
    {
        var trace = new SimulationTrace(procedure.Key.Procedure.Value, procedure.Key.Version, []);
        if (!TryActor(script, script.SubmittedBy, out var submitter, out var problem)
            || !UnitId.TryParse(script.Unit, out var unit)
            || !KebabCase.TryParse<SubmissionChannel>(script.Channel, out var channel))
        {
            return trace with { Failure = problem ?? $"The script's unit '{script.Unit}' or channel '{script.Channel}' is not valid." };
        }

        var now = script.SubmittedAt;
        var submit = new SubmitDossier(new DossierId(script.Dossier), unit, channel, script.Data, submitter!);
        var cursors = new Dictionary<AssignmentPool, long>();
        var decision = executor.Execute(procedure, null, submit, now, assignments: ScriptPools(procedure, script, unit, null, cursors));
        trace.Entries.Add(Entry("submit", now, submitter!, decision));
        if (decision is not Accepted accepted)
        {
            return trace with { Failure = $"Submission was rejected: {((Rejected)decision).Rejection.Message}" };
        }

        var state = accepted.State;
        Advance(accepted, cursors);
        for (var i = 0; i < script.Steps.Count; i++)
        {
            var step = script.Steps[i];
            var (command, at, error) = Build(procedure, script, step, state, now);
            if (command is null)
            {
                return Finish(trace with { Failure = $"Script step {i + 1}: {error}" }, state);
            }

            now = at;
            decision = executor.Execute(procedure, state, command, now, assignments: ScriptPools(procedure, script, unit, state, cursors));
            trace.Entries.Add(Entry(Describe(step), now, command.Actor, decision));
            switch (decision)
            {
                case Accepted next when step.ExpectRejection is null:
                    state = next.State;
                    Advance(next, cursors);
                    break;
                case Rejected rejected when step.ExpectRejection == rejected.Rejection.Code:
                    break;
                case Rejected rejected:
                    return Finish(trace with { Failure = $"Script step {i + 1} ({Describe(step)}) was rejected: {rejected.Rejection.Message}" }, state);
                default:
                    return Finish(trace with { Failure = $"Script step {i + 1} ({Describe(step)}) was accepted, but the script expected rejection '{step.ExpectRejection}'." }, state);
            }
        }

        return Finish(trace, state);
    }

    /// <summary>The script's actors are the directory; open tasks are this dossier's own (a simulation runs one dossier).</summary>
    private static AssignmentSnapshot ScriptPools(ExecutableProcedure procedure, SimulationScript script, UnitId unit, InstanceState? state, Dictionary<AssignmentPool, long> cursors)
    {
        var pools = WorkflowExecutor.AssignmentPoolsFor(procedure, unit);
        if (pools.Count == 0)
        {
            return AssignmentSnapshot.Empty;
        }

        var actors = script.Actors.Values
            .Where(a => UserId.TryParse(a.User, out _) && UnitId.TryParse(a.Unit, out _))
            .DistinctBy(a => a.User)
            .ToList();
        var result = ImmutableDictionary.CreateBuilder<AssignmentPool, AssignmentPoolState>();
        foreach (var pool in pools)
        {
            var holders = actors
                .Where(a => a.Unit == pool.Unit.Value && a.Roles.Contains(pool.Role, StringComparer.Ordinal))
                .Select(a => new UserId(a.User))
                .Select(u => new AssignmentCandidate(u, state?.ActiveSteps.Count(s => s.Assignee == u) ?? 0));
            result[pool] = AssignmentSnapshot.Pool(holders, cursors.GetValueOrDefault(pool));
        }

        return new AssignmentSnapshot(result.ToImmutable());
    }

    private static void Advance(Accepted accepted, Dictionary<AssignmentPool, long> cursors)
    {
        foreach (var advance in accepted.Effects.OfType<Execution.Effects.AdvanceAssignmentCursor>())
        {
            cursors[advance.Pool] = advance.To;
        }
    }

    private static SimulationTrace Finish(SimulationTrace trace, InstanceState state) => trace with
    {
        Final = new TraceSummary(
            KebabCase.Name(state.Status),
            state.ReceivedAt,
            state.DueAt,
            state.CompletedAt,
            [.. state.ActiveSteps.Select(s => s.Step.Value)]),
    };

    private static TraceEntry Entry(string command, DateTimeOffset at, Actor actor, Decision decision) => decision switch
    {
        Accepted a => new TraceEntry(command, at, actor.User.Value) { Events = [.. a.Events] },
        Rejected r => new TraceEntry(command, at, actor.User.Value) { Rejected = r.Rejection },
        _ => throw new InvalidOperationException("Unknown decision."),
    };

    private static string Describe(ScriptStep step) =>
        step.Withdraw is not null ? "withdraw"
        : step.Stop is not null ? "stop"
        : step.Complete is { } c ? $"complete {c} with {step.Outcome}"
        : step.Claim is { } cl ? $"claim {cl}"
        : step.Release is { } r ? $"release {r}"
        : step.Attach is { } a ? $"attach {a}"
        : $"fire timer {step.FireTimer}";

    private static (WorkflowCommand? Command, DateTimeOffset At, string? Error) Build(ExecutableProcedure procedure, SimulationScript script, ScriptStep step, InstanceState state, DateTimeOffset previous)
    {
        var named = new[] { step.Complete, step.Claim, step.Release, step.FireTimer, step.Withdraw, step.Stop, step.Attach }.Count(n => n is not null);
        if (named != 1)
        {
            return (null, previous, "name exactly one of complete, claim, release, fireTimer, withdraw, stop or attach.");
        }

        if (step.Attach is { } component)
        {
            return TryActor(script, step.As, out var attacher, out var whyNot)
                ? (new AttachDocument(ScriptAttachments.For(procedure, state, step, component), null, attacher!), step.At ?? previous, null)
                : (null, previous, whyNot);
        }

        if (step.Withdraw is not null || step.Stop is not null)
        {
            if (!TryActor(script, step.As, out var closer, out var why))
            {
                return (null, previous, why);
            }

            return (step.Withdraw is { } reason ? new WithdrawDossier(reason, closer!) : new StopDossier(step.Stop!, closer!), step.At ?? previous, null);
        }

        var stepId = (step.Complete ?? step.Claim ?? step.Release ?? step.FireTimer)!;
        var active = state.ActiveSteps.Where(s => s.Step.Value == stepId).ToImmutableArray();
        if (active.Length != 1)
        {
            return (null, previous, active.IsEmpty
                ? $"the dossier is not waiting at '{stepId}' (it waits at: {string.Join(", ", state.ActiveSteps.Select(s => s.Step.Value))})."
                : $"the dossier waits at '{stepId}' {active.Length} times; scripts cannot tell them apart.");
        }

        var instance = active[0].Instance;
        if (step.FireTimer is not null)
        {
            // A person's task with a timeout fires that timeout, the applicant's supplement step its window; a timer step fires itself.
            return state.Sla.Timers.FirstOrDefault(t => t.StepInstance == instance && t.Purpose is Execution.Effects.TimerPurpose.TaskTimeout or Execution.Effects.TimerPurpose.SupplementWindow) is { } timeout
                ? (new SlaTimerFired(instance, timeout.Purpose, timeout.Rung, Actor.System(state.Unit)), step.At ?? timeout.DueAt, null)
                : (new FireTimer(instance, Actor.System(state.Unit)), step.At ?? active[0].DueAt ?? previous, null);
        }

        if (!TryActor(script, step.As, out var actor, out var problem))
        {
            return (null, previous, problem);
        }

        var at = step.At ?? previous;
        var (evidence, signatureError) = step.Signature is { } signature
            ? signature.ToEvidence(active[0].Kind, actor!.User.Value, actor.Unit.Value, at)
            : (null, null);
        if (signatureError is not null)
        {
            return (null, previous, signatureError);
        }

        WorkflowCommand command = step.Complete is not null
            ? new CompleteTask(instance, step.Outcome ?? "", step.Data, actor!) { Comment = step.Comment, Signature = evidence }
            : step.Claim is not null ? new ClaimTask(instance, actor!) : new ReleaseTask(instance, actor!);
        return (command, at, null);
    }

    private static bool TryActor(SimulationScript script, string? name, out Actor? actor, out string? problem)
    {
        actor = null;
        problem = null;
        if (name is null || !script.Actors.TryGetValue(name, out var a))
        {
            problem = $"actor '{name}' is not defined in the script's \"actors\".";
            return false;
        }

        if (!UserId.TryParse(a.User, out var user) || !UnitId.TryParse(a.Unit, out var unit))
        {
            problem = $"actor '{name}' has an invalid user or unit id.";
            return false;
        }

        actor = new Actor(user, unit, [.. a.Roles]);
        return true;
    }
}
