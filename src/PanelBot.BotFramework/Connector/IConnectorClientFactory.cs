namespace PanelBot.BotFramework;

/// <summary>Creates connector clients; the service URL is checked against the trust policy on every request.</summary>
public interface IConnectorClientFactory
{
    IConnectorClient Create(string serviceUrl);
}
