using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PanelBot.Features.Operations;

/// <summary>
/// The JSON body of <c>/health</c>: the overall status and each check's status and description. Descriptions are
/// written by our checks and name states, never data; exceptions stay in the log.
/// </summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            totalDurationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                // A check that threw gets the exception's message as its description, and messages name
                // hosts, databases and files; the type is enough here.
                description = e.Value.Exception is { } ex ? $"failed ({ex.GetType().Name})" : e.Value.Description,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
