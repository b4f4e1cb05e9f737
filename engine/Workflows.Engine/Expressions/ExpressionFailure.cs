namespace Workflows.Engine.Expressions;

/// <summary>
/// Unwinds the recursive parser or evaluator at the first fatal problem. It never leaves this namespace:
/// <see cref="Expression.Parse"/> and <see cref="Expression.Evaluate"/> turn it into a result.
/// </summary>
internal sealed class ExpressionFailure(int position, string message) : Exception(message)
{
    public int Position { get; } = position;
}
