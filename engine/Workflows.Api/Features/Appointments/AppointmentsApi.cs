using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Features.Dossiers;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Execution;
using Workflows.Engine.Execution.Commands;
using Workflows.Engine.Identity;

namespace Workflows.Api.Features.Appointments;

/// <summary>
/// A late dossier's new appointment (the apology of form 04): the unit's leader moves the appointment once, at least
/// one working day before it falls due, and says why. The engine enforces the legal rules; this is only the door.
/// </summary>
public static class AppointmentsApi
{
    public static IEndpointRouteBuilder MapAppointmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dossiers/{dossierId}/new-appointment", Give).WithTags("Dossiers").RequireAuthorization();
        return app;
    }

    /// <summary>Gives the applicant a new appointment with the reason for the delay (once per dossier).</summary>
    public static async Task<Results<Ok<DossierDto>, ProblemHttpResult>> Give(
        string dossierId, NewAppointmentRequest request, HttpContext http, [AsParameters] DossierServices services, CancellationToken ct)
    {
        if (!DossierId.TryParse(dossierId, out var id))
        {
            return Problems.NotFound(RejectionCodes.DossierNotFound, $"There is no dossier '{dossierId}'.");
        }

        if (request.Appointment is not { } appointment)
        {
            return Problems.Unprocessable(RejectionCodes.InvalidData, "Give the new appointment as an instant with its offset, e.g. \"2026-03-20T16:00:00+07:00\".");
        }

        var command = new GiveNewAppointment(appointment, request.Reason ?? "", http.User.ToActor());
        return await DossierResults.FromAsync(await services.Runtime.ExecuteAsync(id, command, ct), services.Procedures, ct);
    }
}

/// <summary>The new appointment promised to the applicant and the reason the apology letter gives.</summary>
public sealed record NewAppointmentRequest(DateTimeOffset? Appointment, string? Reason);
