using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PanelBot.BotFramework.Hosting;

/// <summary>Makes it impossible to miss that a bot runs without authentication.</summary>
internal sealed class AuthenticationModeWarning(IOptions<BotFrameworkOptions> options, ILogger<AuthenticationModeWarning> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (!o.IsAuthenticationEnabled)
        {
            logger.LogWarning(
                "!!! Bot authentication is OFF: no MicrosoftAppId is configured, so /api/messages accepts anonymous requests. " +
                "Development only - never expose this instance to the internet. !!!");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
