using Microsoft.AspNetCore.Http.HttpResults;
using Workflows.Api.Infrastructure;
using Workflows.Engine.Application.Ports;
using Workflows.Engine.Definitions;
using Workflows.Engine.Serialization;

namespace Workflows.Api.Features.Notifications;

/// <summary>In-app notifications: what the outbox holds for the caller (to them, or to their role in their unit).</summary>
public static class NotificationsApi
{
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/notifications").WithTags("Notifications").RequireAuthorization();

        api.MapGet("/", List);
        return app;
    }

    /// <summary>Newest first; pass the last id seen as <paramref name="before"/> for the next page.</summary>
    public static async Task<Ok<List<NotificationDto>>> List(HttpContext http, INotificationStore notifications, long? before, int? take, CancellationToken ct)
    {
        var actor = http.User.ToActor();
        var list = await notifications.ListForAsync(actor.User, actor.Unit, actor.Roles, before, Math.Clamp(take ?? 50, 1, MaxPageSize), ct);
        return TypedResults.Ok(list.Select(NotificationDto.From).ToList());
    }
}

public sealed record NotificationDto(long Id, string Dossier, int StepInstance, string Kind, string To, string Message, DateTimeOffset CreatedAt)
{
    public static NotificationDto From(NotificationRecord n) =>
        new(n.Id, n.Dossier.ToString(), n.StepInstance, KebabCase.Name(n.Kind), n.To.ToString(), n.Message, n.CreatedAt);
}
