using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Workflows.Bench;
using Workflows.Bench.InMemory;
using Workflows.Bench.Generate;

var (options, error) = BenchOptions.Parse(args);
if (options is null)
{
    if (error is not null)
    {
        await Console.Error.WriteLineAsync(error);
    }

    Console.WriteLine(BenchOptions.Usage);
    return error is null ? 0 : 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

switch (options.Verb)
{
    case "micro":
        // In-process: BenchmarkDotNet's default generates and builds a separate project, which our strict
        // build policy (central packages, lock files) would have to special-case. A short run keeps it to
        // about a minute; pass BenchmarkDotNet's own options after `micro` for more.
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
        BenchmarkSwitcher.FromTypes([typeof(CompleteTaskBenchmark)]).Run(options.MicroArguments.IsEmpty ? ["--filter", "*"] : [.. options.MicroArguments], config);
        return 0;
    case "calendar":
        return CalendarBench.Run(Console.Out);
    case "generate":
        return await DataGenerator.RunAsync(options, Console.Out, cancel.Token);
    default:
        return await BenchRun.RunAsync(options, Console.Out, cancel.Token);
}
