using BenchmarkDotNet.Attributes;
using Workflows.Bench.Flow;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;

namespace Workflows.Bench.InMemory;

/// <summary>
/// One decision of the core under BenchmarkDotNet (`-- micro`): completing the appraise step (form data
/// validated, next task opened with its due instant from the working calendar), and a submission for contrast.
/// </summary>
[MemoryDiagnoser]
public class CompleteTaskBenchmark
{
    private EngineFlow flow = null!;
    private InstanceState atAppraise = null!;
    private CompleteTask appraise = null!;
    private DateTimeOffset appraiseAt;
    private SubmitDossier submit = null!;
    private DateTimeOffset submitAt;

    [GlobalSetup]
    public void Setup()
    {
        flow = new EngineFlow(BirthRegistrationFlow.Load());
        (atAppraise, appraise, appraiseAt) = flow.Before("appraise");
        (submit, submitAt) = flow.Submission;
    }

    [Benchmark(Baseline = true)]
    public Decision CompleteAppraise() => flow.Executor.Execute(flow.Procedure, atAppraise, appraise, appraiseAt);

    [Benchmark]
    public Decision Submit() => flow.Executor.Execute(flow.Procedure, null, submit, submitAt);
}
