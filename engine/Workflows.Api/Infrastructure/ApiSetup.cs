using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Scalar.AspNetCore;
using Workflows.Engine.Serialization;

namespace Workflows.Api.Infrastructure;

public static class ApiSetup
{
    /// <summary>Largest request body accepted (definitions are the biggest legitimate payloads).</summary>
    public const long DefaultMaxRequestBodyBytes = 1024 * 1024;

    public static WebApplicationBuilder AddWorkflowsApi(this WebApplicationBuilder builder)
    {
        var maxBody = builder.Configuration.GetValue("Limits:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes);
        builder.Services.Configure<KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = maxBody);
        builder.Services.ConfigureHttpJsonOptions(o => CopyWorkflowJson(o));

        // Binding failures (malformed JSON, wrong types) throw so the one exception handler words them.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();

        builder.Services
            .AddAuthentication(DemoUserAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, DemoUserAuthentication>(DemoUserAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();

        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Workflows API";
            document.Info.Description = "Vietnamese administrative procedures: versioned definitions, dossiers, tasks. "
                + "Send the acting user in the X-Workflows-User header (demo identity until real sign-in lands).";
            return Task.CompletedTask;
        }));
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    public static WebApplication UseWorkflowsApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestSizeLimit>(app.Configuration.GetValue("Limits:MaxRequestBodyBytes", DefaultMaxRequestBodyBytes));
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi();
        app.MapScalarApiReference("/api-docs", o => o.WithTitle("Workflows API"));
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }

    private static void CopyWorkflowJson(JsonOptions options)
    {
        var source = WorkflowJson.Options;
        options.SerializerOptions.PropertyNamingPolicy = source.PropertyNamingPolicy;
        options.SerializerOptions.DefaultIgnoreCondition = source.DefaultIgnoreCondition;
        options.SerializerOptions.Encoder = source.Encoder;
        options.SerializerOptions.MaxDepth = source.MaxDepth;
        options.SerializerOptions.UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow;
        foreach (var converter in source.Converters)
        {
            options.SerializerOptions.Converters.Add(converter);
        }

        options.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
        options.SerializerOptions.ReadCommentHandling = JsonCommentHandling.Disallow;
    }
}
