using System.Collections.Immutable;

namespace Workflows.Engine.Forms;

/// <summary>The fields of a procedure's dossier form.</summary>
public sealed record FormSchema(ImmutableArray<FormField> Fields)
{
    public static readonly FormSchema Empty = new(ImmutableArray<FormField>.Empty);

    public FormField? Find(string key)
    {
        foreach (var field in Fields)
        {
            if (field.Key == key)
            {
                return field;
            }
        }

        return null;
    }
}
