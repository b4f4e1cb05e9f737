using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Serialization;

namespace Workflows.Api.Features.Directory;

/// <summary>The unit tree and users (read-only for now), and who the caller is.</summary>
public static class DirectoryApi
{
    public static IEndpointRouteBuilder MapDirectoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Directory");

        api.MapGet("/directory/units", Units);
        api.MapGet("/directory/users", Users);
        api.MapGet("/me", Me).RequireAuthorization();
        return app;
    }

    public static async Task<Ok<List<UnitDto>>> Units(IDirectory directory, CancellationToken ct) =>
        TypedResults.Ok((await directory.ListUnitsAsync(ct)).Select(u => new UnitDto(u.Id.Value, u.Name, KebabCase.Name(u.Kind), u.Parent?.Value)).ToList());

    public static async Task<Ok<List<UserDto>>> Users(IDirectory directory, CancellationToken ct) =>
        TypedResults.Ok((await directory.ListUsersAsync(ct)).Select(UserDto.From).ToList());

    public static Ok<UserDto> Me(ClaimsPrincipal user)
    {
        var actor = user.ToActor();
        return TypedResults.Ok(new UserDto(actor.User.Value, user.Identity?.Name ?? actor.User.Value, actor.Unit.Value, [.. actor.Roles]));
    }
}

public sealed record UnitDto(string Id, string Name, string Kind, string? Parent);

public sealed record UserDto(string Id, string Name, string Unit, IReadOnlyList<string> Roles)
{
    public static UserDto From(UserRecord u) => new(u.Id.Value, u.Name, u.Unit.Value, [.. u.Roles]);
}
