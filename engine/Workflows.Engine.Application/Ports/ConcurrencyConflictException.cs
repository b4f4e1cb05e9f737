namespace Workflows.Engine.Application.Ports;

/// <summary>
/// Someone else changed the same dossier (or draft) since it was loaded. Nothing was written; reload and retry.
/// An exception because the store cannot return a result from inside a failed transaction.
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>A publish or draft edit named a version that is not a draft.</summary>
public sealed class DefinitionNotDraftException : Exception
{
    public DefinitionNotDraftException()
    {
    }

    public DefinitionNotDraftException(string message)
        : base(message)
    {
    }

    public DefinitionNotDraftException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
