using System.Text.Json;
using Workflows.Bench.Flow;
using Workflows.Engine.Application;
using Workflows.Engine.Definitions;
using Workflows.Engine.Documents;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Identity;

namespace Workflows.Bench.Persisted;

/// <summary>The five-step flow through <see cref="WorkflowRuntime"/>: every call is one durable transaction.</summary>
public sealed class PersistedFlow(BirthRegistrationFlow flow, WorkflowRuntime runtime)
{
    private static readonly ProcedureId Procedure = new(BirthRegistrationFlow.ProcedureId);

    public BirthRegistrationFlow Flow { get; } = flow;

    public Task<InstanceState> SubmitAsync(IReadOnlyDictionary<string, JsonElement> data, CancellationToken cancellationToken) =>
        SubmitAsync(Flow.Unit, data, cancellationToken);

    /// <summary>Submits to <paramref name="unit"/>: its desk receives the dossier and numbers it from its own register.</summary>
    public async Task<InstanceState> SubmitAsync(UnitId unit, IReadOnlyDictionary<string, JsonElement> data, CancellationToken cancellationToken) => Done(
        await runtime.SubmitAsync(new WorkflowRuntime.Submission(Procedure, null, unit, SubmissionChannel.Online, data, Flow.Citizen), cancellationToken),
        "submit");

    /// <summary>The citizen uploads one required component (a transaction of its own, as over HTTP).</summary>
    public async Task<InstanceState> AttachAsync(InstanceState state, Attachment component, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return Done(await runtime.ExecuteAsync(state.Dossier, new AttachDocument(component, null, Flow.Citizen), cancellationToken), "attach");
    }

    /// <summary>All of <see cref="BirthRegistrationFlow.Components"/>, one command each.</summary>
    public async Task<InstanceState> AttachComponentsAsync(InstanceState state, CancellationToken cancellationToken)
    {
        foreach (var component in Flow.Components)
        {
            state = await AttachAsync(state, component, cancellationToken);
        }

        return state;
    }

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
        CommandAccepted done => done.State,
        CommandRejected refused => throw new InvalidOperationException($"The bench's {what} was refused: {refused.Rejection.Message}"),
        _ => throw new InvalidOperationException("Unknown outcome."),
    };
}
