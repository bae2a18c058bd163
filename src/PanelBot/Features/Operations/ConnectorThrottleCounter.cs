using System.Net;

namespace PanelBot.Features.Operations;

/// <summary>Counts the Bot Connector's 429s on the connector's HttpClient, each try (the retry policy sits above it).</summary>
public sealed class ConnectorThrottleCounter(PanelBotMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            metrics.ConnectorThrottled();
        }

        return response;
    }
}
