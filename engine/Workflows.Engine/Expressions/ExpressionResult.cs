namespace Workflows.Engine.Expressions;

/// <summary>The value an expression produced, or why it could not produce one.</summary>
public sealed record ExpressionResult(ExpressionValue? Value, string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>0-based offset of the sub-expression that failed, when <see cref="Error"/> is set.</summary>
    public int? ErrorPosition { get; init; }

    /// <summary>For conditions: the boolean, or a message saying why the result is not one.</summary>
    public bool TryGetBoolean(out bool value, out string error)
    {
        value = false;
        switch (Value)
        {
            case BooleanValue boolean when Error is null:
                value = boolean.Value;
                error = "";
                return true;
            case NullValue when Error is null:
                error = "The condition produced null (a missing value), not true/false. Test missing fields with isEmpty(x) or x == null.";
                return false;
            case { } other when Error is null:
                error = $"The condition produced {other.Describe()}, not true/false.";
                return false;
            default:
                error = Error ?? "The condition produced no value.";
                return false;
        }
    }
}
