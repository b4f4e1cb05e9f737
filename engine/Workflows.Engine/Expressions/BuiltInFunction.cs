using System.Collections.Immutable;

namespace Workflows.Engine.Expressions;

/// <summary>
/// One function of the fixed set. <see cref="Parameters"/> lists the types each argument may have, so the
/// definition validator can check calls statically; <see cref="ExpressionType.Any"/> accepts anything.
/// </summary>
internal sealed record BuiltInFunction(
    string Name,
    string Usage,
    int MinArguments,
    ImmutableArray<ImmutableArray<ExpressionType>> Parameters,
    ExpressionType ReturnType,
    Func<FunctionCall, ExpressionValue> Invoke)
{
    public int MaxArguments => Parameters.Length;
}

/// <summary>What a function sees while running: its arguments, and how to fail with a message about itself.</summary>
internal readonly record struct FunctionCall(CallNode Node, ImmutableArray<ExpressionValue> Arguments, Evaluator Evaluator)
{
    public ExpressionValue this[int index] => Arguments[index];

    public int Count => Arguments.Length;

    public T Argument<T>(int index)
        where T : ExpressionValue =>
        Arguments[index] as T ?? throw WrongArgument(index);

    public ExpressionFailure WrongArgument(int index)
    {
        var expected = string.Join(" or ", Node.Function.Parameters[index].Select(ExpressionValue.TypeName));
        var got = Arguments[index] is NullValue ? "null (a missing or empty value)" : Arguments[index].Describe();
        return new ExpressionFailure(
            Node.Arguments[index].Start,
            $"{Node.Function.Name}() expects {expected} as argument {index + 1}, but got {got}. Usage: {Node.Function.Usage}.");
    }

    public ExpressionFailure Fail(string message) => new(Node.Start, $"{Node.Function.Name}(): {message}");
}
