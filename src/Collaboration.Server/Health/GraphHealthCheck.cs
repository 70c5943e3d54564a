using Collaboration.Integrations.MicrosoftGraph;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Server.Health;

/// <summary>
/// Microsoft Graph as the secretariat should see it: misconfigured settings or the last failed call make it
/// Degraded with the reason. It never makes the server unready: scheduling goes on without Graph.
/// </summary>
public sealed class GraphHealthCheck(GraphOptions options, GraphStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var problems = options.Problems();
        if (problems.Count > 0)
            return Task.FromResult(HealthCheckResult.Degraded($"Microsoft Graph is misconfigured: {string.Join(" ", problems)}"));
        return Task.FromResult(status.Last switch
        {
            null => HealthCheckResult.Healthy($"Microsoft Graph for {options.Mailbox}: no call yet."),
            { Problem: null } ok => HealthCheckResult.Healthy($"Microsoft Graph for {options.Mailbox}: last call succeeded at {ok.At:u}."),
            { } failed => HealthCheckResult.Degraded($"Microsoft Graph for {options.Mailbox}: the last call failed at {failed.At:u}: {failed.Problem}"),
        });
    }
}
