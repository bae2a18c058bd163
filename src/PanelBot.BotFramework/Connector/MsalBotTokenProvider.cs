using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace PanelBot.BotFramework.Connector;

/// <summary>
/// The bot's token for https://api.botframework.com through one cached MSAL application: client credentials with a
/// secret or a certificate, or the user-assigned managed identity of the Azure host (UserAssignedMSI). Refreshes are
/// serialised because concurrent refreshes caused throttling (https://learn.microsoft.com/entra/msal/dotnet/acquiring-tokens/web-apps-apis/client-credential-flows).
/// </summary>
internal sealed class MsalBotTokenProvider(IOptions<BotFrameworkOptions> options) : IBotTokenProvider, IDisposable
{
    private const string Resource = "https://api.botframework.com";
    private static readonly string[] Scopes = [Resource + "/.default"];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lazy<Func<CancellationToken, Task<AuthenticationResult>>> _acquire = new(() => Build(options.Value));

    /// <summary>Which credential the bot uses, from the options alone.</summary>
    public static BotCredentialKind KindFor(BotFrameworkOptions o) =>
        o.MicrosoftAppType == MicrosoftAppType.UserAssignedMSI ? BotCredentialKind.ManagedIdentity
        : o.HasCertificate ? BotCredentialKind.Certificate
        : BotCredentialKind.Secret;

    public async Task<string> GetAccessTokenAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            var result = await _acquire.Value(ct).ConfigureAwait(false);
            return result.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private static Func<CancellationToken, Task<AuthenticationResult>> Build(BotFrameworkOptions o)
    {
        if (KindFor(o) == BotCredentialKind.ManagedIdentity)
        {
            // MSAL finds the host's identity endpoint itself (App Service: IDENTITY_ENDPOINT/IDENTITY_HEADER; VMs: IMDS).
            var identity = ManagedIdentityApplicationBuilder.Create(ManagedIdentityId.WithUserAssignedClientId(o.MicrosoftAppId!.Trim()))
                .Build();
            return ct => identity.AcquireTokenForManagedIdentity(Resource).ExecuteAsync(ct);
        }

        var tenant = o.MicrosoftAppType == MicrosoftAppType.SingleTenant ? o.MicrosoftAppTenantId : "botframework.com";
        var builder = ConfidentialClientApplicationBuilder.Create(o.MicrosoftAppId)
            .WithAuthority($"https://login.microsoftonline.com/{tenant}", validateAuthority: true)
            .WithCacheOptions(CacheOptions.EnableSharedCacheOptions);
        builder = KindFor(o) == BotCredentialKind.Certificate
            ? builder.WithCertificate(BotCertificate.Load(o), sendX5C: true)
            : builder.WithClientSecret(o.MicrosoftAppPassword);
        var app = builder.Build();
        return ct => app.AcquireTokenForClient(Scopes).ExecuteAsync(ct);
    }
}

internal enum BotCredentialKind
{
    Secret,
    Certificate,
    ManagedIdentity,
}
