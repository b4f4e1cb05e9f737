using System.Text.Json;
using Workflows.Bench.Flow;
using Workflows.Engine.Definitions;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Persistence.Runtime;

namespace Workflows.Bench.Persisted;

/// <summary>The five-step flow through <see cref="WorkflowRuntime"/>: every call is one durable transaction.</summary>
public sealed class PersistedFlow(BirthRegistrationFlow flow, WorkflowRuntime runtime)
{
    private static readonly ProcedureId Procedure = new(BirthRegistrationFlow.ProcedureId);

    public BirthRegistrationFlow Flow { get; } = flow;

    public async Task<InstanceState> SubmitAsync(IReadOnlyDictionary<string, JsonElement> data, CancellationToken cancellationToken) => Done(
        await runtime.SubmitAsync(new WorkflowRuntime.Submission(Procedure, null, Flow.Unit, SubmissionChannel.Online, data, Flow.Citizen), cancellationToken),
        "submit");

    public async Task<InstanceState> CompleteAsync(InstanceState state, FlowStep step, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(step);
        var instance = state.ActiveSteps.Single().Instance;
        return Done(await runtime.ExecuteAsync(state.Dossier, new CompleteTask(instance, step.Outcome, step.Data, step.Actor) { Signature = step.Signature }, cancellationToken), step.Step);
    }

    public async Task<InstanceState> RefuseAtReceiptAsync(InstanceState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var instance = state.ActiveSteps.Single().Instance;
        var desk = Flow.Steps[0].Actor;
        return Done(
            await runtime.ExecuteAsync(state.Dossier, new CompleteTask(instance, "refuse", new Dictionary<string, JsonElement>(), desk) { Comment = "Thiếu giấy chứng sinh." }, cancellationToken),
            "refuse");
    }

    // A refusal here is a bench bug (wrong data, wrong actor), not a figure: stop loudly.
    private static InstanceState Done(CommandOutcome outcome, string what) => outcome switch
    {
        CommandDone done => done.State,
        CommandRefused refused => throw new InvalidOperationException($"The bench's {what} was refused: {refused.Rejection.Message}"),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };
}
