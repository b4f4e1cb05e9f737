namespace Workflows.Engine.Definitions;

/// <summary>What a step does when a token reaches it. Waiting kinds create a bookmark; the others pass through.</summary>
public enum StepKind
{
    /// <summary>Where every dossier begins; passes through to its single transition.</summary>
    Start,

    /// <summary>A person (by role, within a unit) chooses an outcome: receive, appraise, approve, return...</summary>
    Task,

    /// <summary>A person signs the draft result with a personal digital signature (step 3).</summary>
    Signature,

    /// <summary>A clerk numbers the result and applies the organization's e-seal (step 4).</summary>
    Issue,

    /// <summary>Exclusive decision: the first transition whose condition holds, else the default.</summary>
    Gateway,

    /// <summary>Starts every outgoing branch at once (e.g. parallel consultations).</summary>
    ParallelSplit,

    /// <summary>Waits until a token has arrived on every incoming transition.</summary>
    ParallelJoin,

    /// <summary>Waits for an amount of working time, then continues.</summary>
    Timer,

    /// <summary>Sets dossier data from expressions, then continues; no person involved.</summary>
    Automatic,

    /// <summary>Ends the dossier's workflow (terminating: any other active step is cancelled).</summary>
    End,
}

public static class StepKindExtensions
{
    /// <summary>Kinds a person completes; each creates a task in an inbox.</summary>
    public static bool IsHumanTask(this StepKind kind) => kind is StepKind.Task or StepKind.Signature or StepKind.Issue;

    /// <summary>Kinds that stop the token until a command resumes their bookmark.</summary>
    public static bool Waits(this StepKind kind) => kind.IsHumanTask() || kind == StepKind.Timer;
}
