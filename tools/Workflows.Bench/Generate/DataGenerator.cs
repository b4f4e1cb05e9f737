using System.Diagnostics;
using System.Globalization;
using Workflows.Bench.Flow;
using Workflows.Bench.Persisted;

namespace Workflows.Bench.Generate;

/// <summary>
/// `generate`: N realistic birth-registration dossiers in a database, spread over the last 90 days and over
/// every stage (waiting to be received, appraised, approved, issued, returned; done; a few refused), made
/// through the real runtime so tasks, events and due instants are exactly what production would hold. Data
/// for the inbox and report benchmarks (100k on SQLite, 1M on PostgreSQL).
/// </summary>
public static class DataGenerator
{
    private const int Workers = 8;

    public static async Task<int> RunAsync(BenchOptions options, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        if (options.Database is null)
        {
            await output.WriteLineAsync("generate needs --database <connection string> (e.g. \"Data Source=data/big.db\") and --provider sqlite|postgresql.");
            return 2;
        }

        BenchProvider provider;
        try
        {
            provider = BenchDatabase.ParseProvider(options.Provider);
        }
        catch (ArgumentException e)
        {
            await output.WriteLineAsync(e.Message);
            return 2;
        }

        var flow = BirthRegistrationFlow.Load();
        var clock = new ScenarioClock();
        await using var database = await BenchDatabase.OpenAsync(provider, options.Database, flow, clock, cancellationToken, durable: false);
        var persisted = new PersistedFlow(flow, database.Runtime);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var next = -1;
        var done = 0;
        var stopwatch = Stopwatch.StartNew();
        var stages = new int[flow.Steps.Length + 2];

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(
            async () =>
            {
                var names = new VietnameseNames(seed: 7919 * (worker + 1));
                for (var i = Interlocked.Increment(ref next); i < options.Dossiers; i = Interlocked.Increment(ref next))
                {
                    var stage = await OneAsync(persisted, flow, clock, names, today, cancellationToken);
                    Interlocked.Increment(ref stages[stage]);
                    var count = Interlocked.Increment(ref done);
                    if (count % Math.Max(1, options.Dossiers / 10) == 0)
                    {
                        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{count:N0} / {options.Dossiers:N0} dossiers ({count / stopwatch.Elapsed.TotalSeconds:N0}/s)"));
                    }
                }
            },
            cancellationToken)));

        var labels = flow.Steps.Select(s => $"waiting at {s.Step}").Append("returned").Append("refused").ToArray();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Generated {done:N0} dossiers in {stopwatch.Elapsed.TotalSeconds:0.0} s into {database.Name}:"));
        for (var s = 0; s < stages.Length; s++)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {labels[s],-22} {stages[s],10:N0}"));
        }

        return 0;
    }

    /// <summary>Makes one dossier and takes it to a random stage; returns the stage (index into the labels).</summary>
    private static async Task<int> OneAsync(PersistedFlow persisted, BirthRegistrationFlow flow, ScenarioClock clock, VietnameseNames names, DateOnly today, CancellationToken cancellationToken)
    {
        // Submitted on one of the last 90 days during office hours (07:30–16:30 Vietnam time).
        var day = today.AddDays(-names.Next(90));
        var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(7, 30)), TimeSpan.FromHours(7)).AddMinutes(names.Next(9 * 60));
        clock.Now = at;
        var state = await persisted.SubmitAsync(BirthRegistrationFlow.SubmissionData(names, day.AddDays(-names.Next(60))), cancellationToken);
        state = await persisted.AttachComponentsAsync(state, cancellationToken);

        // Uniform over: waiting at each of the five steps, returned; one in twenty refused at receipt instead.
        if (names.Next(20) == 0)
        {
            clock.Now = at = at.AddMinutes(5 + names.Next(60));
            await persisted.RefuseAtReceiptAsync(state, cancellationToken);
            return flow.Steps.Length + 1;
        }

        var target = names.Next(flow.Steps.Length + 1);
        for (var s = 0; s < target; s++)
        {
            // Later steps take longer; some dossiers end up past their same-day deadline, as in real offices.
            clock.Now = at = at.AddMinutes(10 + names.Next(90 * (s + 1)));
            state = await persisted.CompleteAsync(state, flow.Steps[s], cancellationToken);
        }

        return target;
    }
}
