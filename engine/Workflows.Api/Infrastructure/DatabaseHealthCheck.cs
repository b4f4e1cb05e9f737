using Microsoft.Extensions.Diagnostics.HealthChecks;
using Workflows.Engine.Persistence;

namespace Workflows.Api.Infrastructure;

/// <summary>Ready means the database answers: a host that cannot reach it must leave the load balancer.</summary>
public sealed class DatabaseHealthCheck(IWorkflowsDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
