using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace PanelBot.BotFramework.Connector;

/// <summary>
/// Client-credentials token for https://api.botframework.com through one cached MSAL application; refreshes are
/// serialised because concurrent refreshes caused throttling (pitfall 18).
/// </summary>
internal sealed class MsalBotTokenProvider(IOptions<BotFrameworkOptions> options) : IBotTokenProvider, IDisposable
{
    private static readonly string[] Scopes = ["https://api.botframework.com/.default"];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lazy<IConfidentialClientApplication> _app = new(() => Build(options.Value));

    public async Task<string> GetAccessTokenAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var result = await _app.Value.AcquireTokenForClient(Scopes).ExecuteAsync(ct).ConfigureAwait(false);
            return result.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static IConfidentialClientApplication Build(BotFrameworkOptions o)
    {
        var tenant = o.MicrosoftAppType == MicrosoftAppType.SingleTenant ? o.MicrosoftAppTenantId : "botframework.com";
        return ConfidentialClientApplicationBuilder.Create(o.MicrosoftAppId)
            .WithClientSecret(o.MicrosoftAppPassword)
            .WithAuthority($"https://login.microsoftonline.com/{tenant}", validateAuthority: true)
            .WithCacheOptions(CacheOptions.EnableSharedCacheOptions)
            .Build();
    }
}
