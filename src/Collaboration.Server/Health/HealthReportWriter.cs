using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Server.Health;

/// <summary>Writes every check with its status and description as JSON (for <c>/health</c>); never exception details.</summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
