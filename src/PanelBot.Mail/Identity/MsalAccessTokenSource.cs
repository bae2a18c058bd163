using Microsoft.Identity.Client;

namespace PanelBot.Mail;

/// <summary>
/// App-only (client credentials) tokens from Microsoft Entra ID via MSAL, which caches them and
/// renews them before expiry. Use <see cref="ForGraph"/> for <see cref="GraphSendMailTransport"/>
/// and <see cref="ForExchangeSmtp"/> for SMTP XOAUTH2 against Exchange Online.
/// </summary>
public sealed class MsalAccessTokenSource : IAccessTokenSource
{
    public const string GraphScope = "https://graph.microsoft.com/.default";
    public const string ExchangeSmtpScope = "https://outlook.office365.com/.default";

    private readonly IConfidentialClientApplication _application;
    private readonly string[] _scopes;

    public MsalAccessTokenSource(IConfidentialClientApplication application, string scope)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        _application = application;
        _scopes = [scope];
    }

    public static MsalAccessTokenSource ForGraph(string tenantId, string clientId, string clientSecret) =>
        new(Build(tenantId, clientId, clientSecret), GraphScope);

    public static MsalAccessTokenSource ForExchangeSmtp(string tenantId, string clientId, string clientSecret) =>
        new(Build(tenantId, clientId, clientSecret), ExchangeSmtpScope);

    public async ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await _application.AcquireTokenForClient(_scopes).ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalServiceException exception) when (exception.IsRetryable || exception.StatusCode is 429 or >= 500)
        {
            throw new MailTransientException($"Token request failed ({exception.ErrorCode}); retry later.", exception.Headers?.RetryAfter?.Delta, exception);
        }
        catch (MsalServiceException exception)
        {
            throw new MailPermanentException($"Token request refused ({exception.ErrorCode}): check tenant, app id, secret and permissions.", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new MailTransientException("Token endpoint unreachable.", null, exception);
        }
    }

    private static IConfidentialClientApplication Build(string tenantId, string clientId, string clientSecret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientId);
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        return ConfidentialClientApplicationBuilder.Create(clientId)
            .WithClientSecret(clientSecret)
            .WithTenantId(tenantId)
            .Build();
    }
}
