using Collaboration.Server.Auth;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Collaboration.Server.Health;

/// <summary>
/// Writes every check with its status as JSON (for <c>/health</c>), and its description for administrators
/// only: descriptions name mailboxes and settings. Never exception details.
/// </summary>
public static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var administrator = context.User.ToCaller()?.IsAdministrator == true;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = administrator ? e.Value.Description : null }),
        }));
    }
}
