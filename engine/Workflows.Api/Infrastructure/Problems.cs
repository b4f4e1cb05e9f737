using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Workflows.Engine.Application;
using Workflows.Engine.Documents;
using Workflows.Engine.Execution;
using Workflows.Engine.Validation;
using Workflows.Engine.Serialization;

namespace Workflows.Api.Infrastructure;

/// <summary>
/// Rejections become ProblemDetails with a stable "type" (urn:workflows:problem:&lt;code&gt;), the HTTP status
/// that fits, and the person-readable message as "detail".
/// </summary>
public static class Problems
{
    public const string TypePrefix = "urn:workflows:problem:";

    public static ProblemDetails Create(int status, string code, string detail) => new()
    {
        Status = status,
        Type = TypePrefix + code,
        Title = TitleOf(code),
        Detail = detail,
    };

    public static ProblemHttpResult From(Rejection rejection) =>
        TypedResults.Problem(Create(StatusOf(rejection.Code), rejection.Code, rejection.Message));

    /// <summary>A refused command; a submission at a unit that is not competent also lists the units that are.</summary>
    public static ProblemHttpResult From(CommandRejected refused)
    {
        var problem = Create(StatusOf(refused.Rejection.Code), refused.Rejection.Code, refused.Rejection.Message);
        if (!refused.CompetentUnits.IsDefaultOrEmpty)
        {
            problem.Extensions["competentUnits"] = refused.CompetentUnits
                .Select(u => new { id = u.Id.Value, name = u.Name, kind = KebabCase.Name(u.Kind) })
                .ToList();
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult From(CatalogRefused refused)
    {
        var problem = Create(StatusOf(refused.Code), refused.Code, refused.Message);
        if (!refused.Problems.IsDefaultOrEmpty)
        {
            problem.Extensions["problems"] = refused.Problems.Select(ValidationProblemDto.From).ToList();
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult NotFound(string code, string detail) => TypedResults.Problem(Create(404, code, detail));

    public static ProblemHttpResult BadRequest(string code, string detail) => TypedResults.Problem(Create(400, code, detail));

    public static ProblemHttpResult Unprocessable(string code, string detail) => TypedResults.Problem(Create(422, code, detail));

    private static int StatusOf(string code) => code switch
    {
        RejectionCodes.DossierNotFound or RuntimeRejections.DefinitionNotFound => 404,
        RejectionCodes.NotAuthorized => 403,
        DocumentRejections.AttachmentNotFound => 404,
        DocumentRejections.UnsupportedMediaType => 415,
        DocumentRejections.FileTooLarge => 413,
        DocumentRejections.DocumentsMissing or DocumentRejections.SupplementWindowClosed or DocumentRejections.SupplementWindowOpen or DocumentRejections.AttachmentExists => 409,
        RejectionCodes.TaskNotOpen or RejectionCodes.DossierCompleted or RejectionCodes.AlreadyClaimed or RejectionCodes.DossierExists or RatingRejections.AlreadyRated
            or RejectionCodes.NotATimer or RuntimeRejections.NotADraft or RuntimeRejections.DraftConflict
            or Engine.Sla.SlaRejections.AppointmentAlreadyRescheduled => 409,
        _ => 422,
    };

    private static string TitleOf(string code) =>
        char.ToUpperInvariant(code[0]) + code[1..].Replace('-', ' ');
}

/// <summary>A validation problem as the API shows it.</summary>
public sealed record ValidationProblemDto(string Code, string Severity, string Location, string Message, string? Step)
{
    public static ValidationProblemDto From(Engine.Validation.ValidationProblem p) =>
        new(p.Code, p.Severity.ToString().ToLowerInvariant(), p.Location, p.Message, p.Step);
}
