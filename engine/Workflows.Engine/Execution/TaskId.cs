using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution;

/// <summary>
/// A task (a person's step waiting in an inbox) is one step instance of one dossier, so its id is that pair,
/// written "{dossier id}.{step instance}". Deterministic: replaying a dossier gives the same task ids.
/// </summary>
public readonly record struct TaskId(DossierId Dossier, int StepInstance)
{
    public override string ToString() => $"{Dossier}.{StepInstance}";

    public static bool TryParse(string? text, out TaskId id)
    {
        id = default;
        var dot = text?.LastIndexOf('.') ?? -1;
        if (dot <= 0
            || !DossierId.TryParse(text![..dot], out var dossier)
            || !int.TryParse(text[(dot + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var step)
            || step <= 0)
        {
            return false;
        }

        id = new TaskId(dossier, step);
        return true;
    }
}
