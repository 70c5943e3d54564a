using Collaboration.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Server.Health;

/// <summary>Ready when the silo answers grain calls and the database answers a query.</summary>
public sealed class SiloAndStorageHealthCheck(IGrainFactory grains, SchemaMigrator storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<ISetupGrain>(0).IsCompleteAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The silo does not answer grain calls.", e);
        }

        try
        {
            return await storage.PingAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The storage schema is missing.");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", e);
        }
    }
}
