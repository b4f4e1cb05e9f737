using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Identity;

namespace Workflows.Api.Infrastructure;

/// <summary>
/// Demo identity: the X-Workflows-User header names a user of the directory. Stands in for real sign-in
/// (a later issue) behind the same ClaimsPrincipal, so endpoints will not change when it is replaced.
/// </summary>
public sealed class DemoUserAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDirectory directory) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DemoUser";
    public const string Header = "X-Workflows-User";
    public const string UnitClaim = "workflows:unit";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        if (!UserId.TryParse(values.ToString(), out var id) || await directory.FindUserAsync(id, Context.RequestAborted) is not { } user)
        {
            return AuthenticateResult.Fail($"Unknown user '{values}' in {Header}.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.Value),
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(UnitClaim, user.Unit.Value),
                .. user.Roles.Select(r => new Claim(ClaimTypes.Role, r)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = Problems.Create(401, "unauthenticated", failure ?? $"Say who you are: send the {Header} header with a user id (GET /api/directory/users lists the demo users)."),
        });
    }
}

public static class ClaimsPrincipalExtensions
{
    /// <summary>The actor every command carries, from the signed-in user.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) => new(
        new UserId(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
        new UnitId(user.FindFirstValue(DemoUserAuthentication.UnitClaim)!),
        [.. user.FindAll(ClaimTypes.Role).Select(c => c.Value)]);
}
