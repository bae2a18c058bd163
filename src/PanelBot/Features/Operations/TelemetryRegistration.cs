using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PanelBot.Diagnostics;
using PanelBot.Storage;

namespace PanelBot.Features.Operations;

/// <summary>
/// OpenTelemetry traces and metrics, exported by OTLP when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
/// (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>, <c>OTEL_SERVICE_NAME</c> and the other OTEL_* variables, read by the SDK
/// from configuration: https://opentelemetry.io/docs/specs/otel/protocol/exporter/). Without it nothing is collected.
/// </summary>
public static class TelemetryRegistration
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string DefaultServiceName = "panelbot";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration[EndpointVariable]))
        {
            return builder;
        }

        var provider = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()?.Provider ?? StorageProvider.Sqlite;

        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : DefaultServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(PanelBotTelemetry.SourceName)
                    .AddAspNetCoreInstrumentation(o =>
                    {
                        // Probes every few seconds would drown the turns.
                        o.Filter = context => !context.Request.Path.StartsWithSegments("/health");
                        o.EnrichWithHttpResponse = (span, response) =>
                        {
                            if (UrlRedaction.RouteTemplate(response.HttpContext) is { } template)
                            {
                                span.SetTag("url.path", template);
                            }
                        };
                    })
                    .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (span, request) =>
                    {
                        if (request.RequestUri is { IsAbsoluteUri: true } url)
                        {
                            span.SetTag("url.full", UrlRedaction.Outgoing(url));
                        }
                    });
                // One database span per command: Npgsql's own on PostgreSQL, EF Core's for SQLite.
                if (provider == StorageProvider.PostgreSql)
                {
                    tracing.AddNpgsql();
                }
                else
                {
                    tracing.AddEntityFrameworkCoreInstrumentation();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(PanelBotMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddMeter("System.Runtime");
                if (provider == StorageProvider.PostgreSql)
                {
                    metrics.AddNpgsqlInstrumentation();
                }
            })
            .UseOtlpExporter();
        return builder;
    }
}
