using Workflows.Engine.Identity;

namespace Workflows.Engine.Persistence.Model;

/// <summary>Bounds that the domain already enforces, repeated in the schema so bad data cannot slip in by SQL.</summary>
internal static class ColumnSizes
{
    public const int Slug = Identity.Slug.MaxLength;

    public const int EnumName = 32;

    public const int IdempotencyKey = 200;

    public const int RequestHash = 128;

    public const int EventType = 64;
}
