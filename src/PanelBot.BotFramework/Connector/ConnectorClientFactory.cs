using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PanelBot.BotFramework.Connector;

/// <summary>Builds <see cref="ConnectorClient"/>s on the named HttpClient.</summary>
internal sealed class ConnectorClientFactory(
    IHttpClientFactory httpClients,
    ServiceUrlPolicy policy,
    ConnectorRetryPolicy retry,
    IOptions<BotFrameworkOptions> options,
    IServiceProvider services,
    ILoggerFactory loggers) : IConnectorClientFactory
{
    public const string HttpClientName = "PanelBot.BotFramework.Connector";

    public IConnectorClient Create(string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!Uri.TryCreate(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute, out var baseUri))
        {
            throw new UntrustedServiceUrlException(serviceUrl);
        }

        var tokens = options.Value.IsAuthenticationEnabled ? services.GetService<IBotTokenProvider>() : null;
        return new ConnectorClient(
            httpClients.CreateClient(HttpClientName), baseUri, policy, tokens, retry,
            options.Value.ConnectorMaxAttempts, loggers.CreateLogger<ConnectorClient>());
    }
}
