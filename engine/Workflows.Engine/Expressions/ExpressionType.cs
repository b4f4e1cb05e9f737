namespace Workflows.Engine.Expressions;

/// <summary>
/// The type of a value, or of a field or sub-expression as the definition validator sees it statically.
/// Values at run time are never <see cref="Any"/>.
/// </summary>
public enum ExpressionType
{
    /// <summary>Not known before run time (e.g. a nested path inside an object field).</summary>
    Any,
    Null,
    Boolean,
    Number,

    /// <summary>A string. Form date fields arrive as "yyyy-MM-dd" text and become dates only through date().</summary>
    Text,
    Date,
    List,

    /// <summary>A group of fields, read with a dotted path such as <c>applicant.age</c>; as a whole it can only be tested with isEmpty() or ==.</summary>
#pragma warning disable CA1720 // "object" is the JSON word analysts see in the form data; a synonym would confuse more
    Object,
#pragma warning restore CA1720
}
