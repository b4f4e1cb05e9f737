using Workflows.Engine.Application;
using Workflows.Engine.Calendar;

namespace Workflows.Api.Infrastructure;

public static class EngineSetup
{
    public static WebApplicationBuilder AddWorkflowsEngine(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ExecutableProcedureCache>();
        builder.Services.AddSingleton<WorkflowRuntime>();
        builder.Services.AddSingleton<ProcedureCatalog>();
        builder.Services.Configure<SeedOptions>(builder.Configuration.GetSection("Seed"));
        builder.Services.AddSingleton<DemoSeeder>();
        return builder;
    }
}
