using System.Text.Json;
using Workflows.Engine.Identity;

namespace Workflows.Engine.Execution.Commands;

public enum SubmissionChannel
{
    /// <summary>Submitted by the applicant on the portal; arrives as "new" for the desk to receive.</summary>
    Online,

    /// <summary>Brought to the one-stop desk and entered by an official.</summary>
    Desk,
}

/// <summary>Starts a dossier's workflow on a published procedure version.</summary>
/// <param name="Dossier">Chosen by the caller, so a retried submission can be recognised.</param>
/// <param name="Unit">The unit competent for the dossier; its tasks go to this unit's officials.</param>
public sealed record SubmitDossier(
    DossierId Dossier,
    UnitId Unit,
    SubmissionChannel Channel,
    IReadOnlyDictionary<string, JsonElement> Data,
    Actor Actor) : WorkflowCommand(Actor);
