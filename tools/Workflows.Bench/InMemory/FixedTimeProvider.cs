namespace Workflows.Bench.InMemory;

/// <summary>A clock stopped at one instant, so the default calendar (built around "this year") is the same on every run.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
