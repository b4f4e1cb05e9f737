namespace Workflows.Engine.Printing.Pdf;

/// <summary>The bytes are not a PDF we can read (not a PDF, truncated, or a structure we do not support).</summary>
public sealed class InvalidPdfException : Exception
{
    public InvalidPdfException(string message)
        : base(message)
    {
    }

    public InvalidPdfException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public InvalidPdfException()
    {
    }
}
