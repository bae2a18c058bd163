namespace PanelBot.BotFramework;

/// <summary>The service URL is not on the allow-list, so no request was sent (and no token leaked).</summary>
public sealed class UntrustedServiceUrlException(string serviceUrl)
    : Exception($"Service URL '{serviceUrl}' is not trusted; no request was sent.")
{
    public string ServiceUrl { get; } = serviceUrl;
}
