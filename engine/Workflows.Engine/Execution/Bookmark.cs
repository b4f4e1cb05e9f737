namespace Workflows.Engine.Execution;

public enum BookmarkKind
{
    /// <summary>Resumed by a person completing the task.</summary>
    Task,

    /// <summary>Resumed by the timer service when the due instant passes.</summary>
    Timer,
}

/// <summary>
/// A waiting step, as data. People and timers only ever resume bookmarks: a command that names a bookmark
/// the dossier no longer holds (the step moved on) is rejected and changes nothing.
/// </summary>
/// <param name="MatchKey">What may resume it: "role:{role}@{unit}" for tasks, "timer" for timers.</param>
public sealed record Bookmark(BookmarkKind Kind, string MatchKey, int StepInstance, DateTimeOffset CreatedAt, DateTimeOffset? DueAt);
