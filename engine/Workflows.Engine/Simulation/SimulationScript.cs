using System.Text.Json;

namespace Workflows.Engine.Simulation;

/// <summary>
/// A scripted dossier: who submits what, then each command in order with its instant. Used by
/// <c>workflows simulate</c>, the designer's simulation, and the golden traces under procedures/.
/// </summary>
public sealed record SimulationScript
{
    /// <summary>The dossier id to use, so traces are reproducible (any fixed GUID).</summary>
    public Guid Dossier { get; init; } = Guid.Parse("00000000-0000-4000-8000-000000000001");

    /// <summary>The unit the dossier is submitted to.</summary>
    public required string Unit { get; init; }

    public string Channel { get; init; } = "online";

    /// <summary>Named actors the steps refer to by name.</summary>
    public Dictionary<string, ScriptActor> Actors { get; init; } = [];

    /// <summary>Who submits (a name in <see cref="Actors"/>).</summary>
    public required string SubmittedBy { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public Dictionary<string, JsonElement> Data { get; init; } = [];

    public List<ScriptStep> Steps { get; init; } = [];
}

public sealed record ScriptActor(string User, string Unit, List<string> Roles);

/// <summary>
/// One command. Exactly one of <see cref="Complete"/>, <see cref="Claim"/>, <see cref="Release"/> or
/// <see cref="FireTimer"/> names the step (by step id) it acts on; or <see cref="Withdraw"/> / <see cref="Stop"/>
/// give the reason for closing the dossier.
/// </summary>
public sealed record ScriptStep
{
    public string? Withdraw { get; init; }

    public string? Stop { get; init; }

    public string? Complete { get; init; }

    public string? Claim { get; init; }

    public string? Release { get; init; }

    public string? FireTimer { get; init; }

    /// <summary>Attach a file for this checklist component (or "other"); content is simulated: a fixed digest of the name.</summary>
    public string? Attach { get; init; }

    /// <summary>For <see cref="Attach"/>: the file name (default: the component key + ".pdf").</summary>
    public string? FileName { get; init; }

    /// <summary>For <see cref="Attach"/>: the media type found in the content (default: the component's first accepted type).</summary>
    public string? MediaType { get; init; }

    /// <summary>For <see cref="Attach"/>: the file size in bytes (default 250,000).</summary>
    public long? Size { get; init; }

    public string? Outcome { get; init; }

    public string? As { get; init; }

    /// <summary>When the command happens; for timers defaults to the timer's due instant, else to the previous command's instant.</summary>
    public DateTimeOffset? At { get; init; }

    public Dictionary<string, JsonElement> Data { get; init; } = [];

    public string? Comment { get; init; }

    /// <summary>Synthetic evidence of the signature an approve or issue command carries.</summary>
    public ScriptSignature? Signature { get; init; }

    /// <summary>The rejection code this command must get; the run fails if it is accepted.</summary>
    public string? ExpectRejection { get; init; }
}
