using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PanelBot.BotFramework.Authentication;
using PanelBot.BotFramework.Connector;
using PanelBot.BotFramework.DirectLine;
using PanelBot.BotFramework.Hosting;

namespace PanelBot.BotFramework;

/// <summary>Registration of the Bot Framework protocol services.</summary>
public static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Registers authentication, the connector client, the adapter and the playground store, and binds
    /// <see cref="BotFrameworkOptions"/> (validated at start-up). The application registers its own <see cref="IBot"/>.
    /// A <see cref="IBotTokenProvider"/> registered before or after this call replaces the MSAL one.
    /// </summary>
    /// <summary>The named HttpClient of Bot Connector calls, for hosts that add handlers (metrics) to it.</summary>
    public const string ConnectorHttpClientName = ConnectorClientFactory.HttpClientName;

    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<BotFrameworkOptions>()
            .Configure(options => Bind(options, configuration))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>());

        services.AddHttpClient(ConnectorClientFactory.HttpClientName);
        services.AddHttpClient(OpenIdMetadata.HttpClientName);
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<OpenIdMetadata>();
        services.TryAddSingleton<BotAuthenticator>();
        services.TryAddSingleton<LocalServiceUrls>();
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<ConnectorRetryPolicy>();
        services.TryAddSingleton<IBotTokenProvider, MsalBotTokenProvider>();
        services.TryAddSingleton<IConnectorClientFactory, ConnectorClientFactory>();
        services.TryAddSingleton<IBotAdapter, BotAdapter>();
        services.TryAddSingleton<DirectLineStore>();
        services.TryAddSingleton<PlaygroundBot>();
        services.AddHostedService<AuthenticationModeWarning>();
        return services;
    }

    private static void Bind(BotFrameworkOptions options, IConfiguration configuration)
    {
        configuration.GetSection("Playground").Bind(options.Playground);
        configuration.GetSection(BotFrameworkOptions.SectionName).Bind(options);

        options.MicrosoftAppId = configuration["MicrosoftAppId"] ?? options.MicrosoftAppId;
        options.MicrosoftAppPassword = configuration["MicrosoftAppPassword"] ?? options.MicrosoftAppPassword;
        options.MicrosoftAppTenantId = configuration["MicrosoftAppTenantId"] ?? options.MicrosoftAppTenantId;
        options.MicrosoftAppCertificatePath = configuration["MicrosoftAppCertificatePath"] ?? options.MicrosoftAppCertificatePath;
        options.MicrosoftAppCertificatePassword = configuration["MicrosoftAppCertificatePassword"] ?? options.MicrosoftAppCertificatePassword;
        options.MicrosoftAppCertificateThumbprint = configuration["MicrosoftAppCertificateThumbprint"] ?? options.MicrosoftAppCertificateThumbprint;
        if (configuration["MicrosoftAppType"] is { Length: > 0 } appType)
        {
            options.MicrosoftAppType = Enum.TryParse<MicrosoftAppType>(appType, ignoreCase: true, out var parsed)
                ? parsed
                : throw new OptionsValidationException(nameof(BotFrameworkOptions), typeof(BotFrameworkOptions),
                    [$"MicrosoftAppType '{appType}' is not supported; use SingleTenant, UserAssignedMSI or MultiTenant."]);
        }
    }
}
