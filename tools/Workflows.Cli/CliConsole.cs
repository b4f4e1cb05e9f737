namespace Workflows.Cli;

/// <summary>Where a command writes; tests pass string writers, the program passes the real console.</summary>
internal sealed record CliConsole(TextWriter Out, TextWriter Error);
