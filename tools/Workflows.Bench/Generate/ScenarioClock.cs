namespace Workflows.Bench.Generate;

/// <summary>
/// A clock each generating task sets for itself (async-local), so concurrent workers can each replay their own
/// dossier's history at its own instants through the one shared runtime.
/// </summary>
public sealed class ScenarioClock : TimeProvider
{
    private readonly AsyncLocal<DateTimeOffset?> now = new();

    public DateTimeOffset Now
    {
        set => now.Value = value;
    }

    public override DateTimeOffset GetUtcNow() => (now.Value ?? System.GetUtcNow()).ToUniversalTime();
}
