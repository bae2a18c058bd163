using Microsoft.Extensions.Options;

namespace PanelBot.BotFramework.Connector;

internal enum ServiceUrlTrust
{
    /// <summary>Never send a request there.</summary>
    Untrusted,

    /// <summary>A Microsoft host: send, with the bot token when authentication is on.</summary>
    Trusted,

    /// <summary>Loopback (dev mode or the playground): send without a token.</summary>
    Local,
}

/// <summary>
/// Decides where the bot may send its token (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication): https plus a host allow-list; loopback only in
/// anonymous dev mode or for the playground's own service URL.
/// </summary>
internal sealed class ServiceUrlPolicy(IOptions<BotFrameworkOptions> options, LocalServiceUrls localUrls)
{
    // Suffixes match on a label boundary. *.trafficmanager.net is a shared Azure domain, hence the exact entry.
    private static readonly string[] BuiltInSuffixes =
        ["botframework.com", "botframework.azure.us", "teams.microsoft.com", "teams.microsoft.us"];
    private static readonly string[] BuiltInExactHosts = ["smba.trafficmanager.net"];

    public ServiceUrlTrust Check(Uri serviceUrl)
    {
        if (!serviceUrl.IsAbsoluteUri || (serviceUrl.Scheme != Uri.UriSchemeHttps && serviceUrl.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(serviceUrl.UserInfo))
        {
            return ServiceUrlTrust.Untrusted;
        }

        if (localUrls.Contains(serviceUrl))
        {
            return ServiceUrlTrust.Local;
        }

        if (serviceUrl.IsLoopback)
        {
            return options.Value.IsAuthenticationEnabled ? ServiceUrlTrust.Untrusted : ServiceUrlTrust.Local;
        }

        return serviceUrl.Scheme == Uri.UriSchemeHttps && IsTrustedHost(serviceUrl.IdnHost)
            ? ServiceUrlTrust.Trusted
            : ServiceUrlTrust.Untrusted;
    }

    private bool IsTrustedHost(string host)
    {
        host = host.TrimEnd('.');
        if (BuiltInExactHosts.Any(h => host.Equals(h, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return BuiltInSuffixes.Concat(options.Value.TrustedServiceHosts)
            .Select(s => s.Trim().TrimStart('.'))
            .Where(s => s.Length > 0)
            .Any(suffix => host.Equals(suffix, StringComparison.OrdinalIgnoreCase)
                || host.EndsWith("." + suffix, StringComparison.OrdinalIgnoreCase));
    }
}
