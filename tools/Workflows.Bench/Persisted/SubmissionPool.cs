using System.Collections.Immutable;
using System.Text.Json;
using Workflows.Bench.Flow;

namespace Workflows.Bench.Persisted;

/// <summary>Form data for submissions, made before the clock starts so the load loop measures only the system.</summary>
public sealed class SubmissionPool
{
    private readonly ImmutableArray<IReadOnlyDictionary<string, JsonElement>> data;

    public SubmissionPool(int size, int seed)
    {
        var names = new VietnameseNames(seed);
        data = [.. Enumerable.Range(0, size).Select(i => BirthRegistrationFlow.SubmissionData(names, new DateOnly(2026, 1, 1).AddDays(i % 300)))];
    }

    public IReadOnlyDictionary<string, JsonElement> this[long i] => data[(int)(i % data.Length)];
}
