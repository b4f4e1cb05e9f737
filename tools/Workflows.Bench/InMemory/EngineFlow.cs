using System.Collections.Immutable;
using Workflows.Bench.Flow;
using Workflows.Engine.Calendar;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Identity;

namespace Workflows.Bench.InMemory;

/// <summary>
/// The five-step flow prepared for the pure core: the compiled procedure, one executor on a fixed calendar, and
/// every command built once, so a measured loop spends its time (and allocations) in the engine alone.
/// </summary>
public sealed class EngineFlow
{
    /// <summary>The instants of the golden happy path: submitted 07:50, returned 14:10 the same day.</summary>
    private static readonly DateTimeOffset SubmittedAt = new(2026, 3, 2, 7, 50, 0, TimeSpan.FromHours(7));

    private static readonly ImmutableArray<TimeSpan> StepOffsets =
        [TimeSpan.FromMinutes(25), TimeSpan.FromMinutes(100), TimeSpan.FromMinutes(170), TimeSpan.FromMinutes(340), TimeSpan.FromMinutes(380)];

    private readonly SubmitDossier submit;
    private readonly ImmutableArray<(AttachDocument Command, DateTimeOffset At)> uploads;
    private readonly ImmutableArray<(string Step, CompleteTask Command, DateTimeOffset At)> completions;

    public EngineFlow(BirthRegistrationFlow flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        Procedure = ExecutableProcedure.Create(flow.Definition);
        Executor = new WorkflowExecutor(DefaultCalendarSource.Around(SubmittedAt));
        submit = new SubmitDossier(
            new DossierId(Guid.Parse("00000000-0000-4000-8000-000000000001")),
            flow.Unit,
            SubmissionChannel.Online,
            BirthRegistrationFlow.SubmissionData(new VietnameseNames(1), new DateOnly(2026, 2, 20)),
            flow.Citizen);

        // Step instances are what the engine hands out; read them from a dry run instead of assuming them.
        var state = Accept(Executor.Execute(Procedure, null, submit, SubmittedAt), "submit");

        // The citizen uploads the required components a minute apart; the desk cannot accept without them.
        uploads = [.. flow.Components.Select((c, i) => (new AttachDocument(c, null, flow.Citizen), SubmittedAt.AddMinutes(1 + i)))];
        foreach (var (upload, at) in uploads)
        {
            state = Accept(Executor.Execute(Procedure, state, upload, at), "upload");
        }

        var built = ImmutableArray.CreateBuilder<(string, CompleteTask, DateTimeOffset)>();
        for (var i = 0; i < flow.Steps.Length; i++)
        {
            var step = flow.Steps[i];
            var instance = state.ActiveSteps.Single().Instance;
            var command = new CompleteTask(instance, step.Outcome, step.Data, step.Actor) { Signature = step.Signature };
            var at = SubmittedAt + StepOffsets[i];
            built.Add((step.Step, command, at));
            state = Accept(Executor.Execute(Procedure, state, command, at), step.Step);
        }

        if (!state.IsCompleted)
        {
            throw new InvalidOperationException("The five-step flow did not close the dossier; the bench would measure the wrong thing.");
        }

        completions = built.ToImmutable();
    }

    public ExecutableProcedure Procedure { get; }

    public WorkflowExecutor Executor { get; }

    public int TransitionsPerDossier => 1 + uploads.Length + completions.Length;

    /// <summary>Runs one dossier from submission to return; returns the final state so the JIT cannot drop the work.</summary>
    public InstanceState RunOneDossier()
    {
        var state = ((Accepted)Executor.Execute(Procedure, null, submit, SubmittedAt)).State;
        foreach (var (upload, at) in uploads)
        {
            state = ((Accepted)Executor.Execute(Procedure, state, upload, at)).State;
        }

        foreach (var (_, command, at) in completions)
        {
            state = ((Accepted)Executor.Execute(Procedure, state, command, at)).State;
        }

        return state;
    }

    /// <summary>The state waiting at <paramref name="step"/> and the command that completes it, for micro-benchmarks.</summary>
    public (InstanceState State, CompleteTask Command, DateTimeOffset At) Before(string step)
    {
        var state = ((Accepted)Executor.Execute(Procedure, null, submit, SubmittedAt)).State;
        foreach (var (upload, at) in uploads)
        {
            state = ((Accepted)Executor.Execute(Procedure, state, upload, at)).State;
        }

        foreach (var (name, command, at) in completions)
        {
            if (name == step)
            {
                return (state, command, at);
            }

            state = ((Accepted)Executor.Execute(Procedure, state, command, at)).State;
        }

        throw new ArgumentException($"The flow has no step '{step}'.", nameof(step));
    }

    public (SubmitDossier Command, DateTimeOffset At) Submission => (submit, SubmittedAt);

    private static InstanceState Accept(Decision decision, string what) => decision switch
    {
        Accepted accepted => accepted.State,
        Rejected rejected => throw new InvalidOperationException($"The flow's {what} was rejected: {rejected.Rejection.Message}"),
        _ => throw new InvalidOperationException("Unknown decision."),
    };
}
