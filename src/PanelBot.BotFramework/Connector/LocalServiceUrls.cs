using System.Collections.Concurrent;

namespace PanelBot.BotFramework.Connector;

/// <summary>Service URLs this process hosts itself (the playground); connector calls to them never carry a token.</summary>
internal sealed class LocalServiceUrls
{
    private readonly ConcurrentDictionary<string, byte> _urls = new(StringComparer.OrdinalIgnoreCase);

    public void Register(string serviceUrl) => _urls.TryAdd(Normalize(serviceUrl), 0);

    public bool Contains(Uri serviceUrl) => serviceUrl.IsLoopback && _urls.ContainsKey(Normalize(serviceUrl.AbsoluteUri));

    private static string Normalize(string url) => url.EndsWith('/') ? url : url + "/";
}
