namespace Workflows.Engine.Execution;

/// <summary>
/// Why a command was refused. <see cref="Code"/> is stable (clients and ProblemDetails "type" use it);
/// <see cref="Message"/> tells a person what to do about it.
/// </summary>
public sealed record Rejection(string Code, string Message)
{
    public static Rejection TaskNotOpen(int stepInstance) =>
        new(RejectionCodes.TaskNotOpen, $"Task {stepInstance} is not open: it was completed or cancelled, or never existed. Reload the dossier to see its current tasks.");
}

public static class RejectionCodes
{
    public const string TaskNotOpen = "task-not-open";
    public const string NotAuthorized = "not-authorized";
    public const string UnknownOutcome = "unknown-outcome";
    public const string InvalidData = "invalid-data";
    public const string DossierCompleted = "dossier-completed";
    public const string DossierExists = "dossier-exists";
    public const string DossierNotFound = "dossier-not-found";
    public const string WrongDefinition = "wrong-definition";
    public const string IllegalStatusChange = "illegal-status-change";
    public const string ConditionFailed = "condition-failed";
    public const string RunawayLoop = "runaway-loop";
    public const string NotATimer = "not-a-timer";
    public const string AlreadyClaimed = "already-claimed";
}
