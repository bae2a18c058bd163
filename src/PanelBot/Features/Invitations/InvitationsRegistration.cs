using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PanelBot.Calendar;
using PanelBot.Conversation.Routing;
using PanelBot.Domain.Commands;
using PanelBot.Features.Notifications;
using PanelBot.Mail;

namespace PanelBot.Features.Invitations;

public static class InvitationsRegistration
{
    /// <summary>Key of the token source the mail transports use (tests replace it).</summary>
    public const string TokenSourceKey = "mail";

    /// <summary>Key of the token source for reading the organiser mailbox over IMAP with XOAUTH2 (Exchange Online).</summary>
    public const string InboxTokenSourceKey = "mail-inbox";

    public static IHostApplicationBuilder AddInvitations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<MailOptions>, MailOptionsValidator>();
        services.AddOptions<MailOptions>().Bind(builder.Configuration.GetSection(MailOptions.Section)).ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddHttpClient(nameof(GraphSendMailTransport));
        services.TryAddSingleton<ICalendarWriter, CalendarWriter>();
        services.AddSingleton<CalendarEvents>();
        services.AddSingleton<InvitationComposer>();
        services.AddSingleton<ClaimedMail>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<DkimSigning>();
        services.AddSingleton<OutboxErasure>();
        services.AddScoped<IOutbox, Outbox>();
        services.AddScoped<InvitationObserver>();
        services.AddScoped<IEventObserver>(sp => sp.GetRequiredService<InvitationObserver>());
        services.AddScoped<FeedTokens>();
        services.AddScoped<OutboxCommandHandler>();
        services.AddCommandRoute<OutboxCommand, OutboxCommandHandler>((h, request, c, _, ct) => h.HandleAsync(request, c, ct));
        services.AddKeyedSingleton<IAccessTokenSource>(TokenSourceKey, (sp, _) => CreateTokenSource(sp));
        services.AddKeyedSingleton<IAccessTokenSource>(InboxTokenSourceKey, (sp, _) => CreateImapTokenSource(sp));
        services.AddSingleton<IMailTransport>(CreateTransport);
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return builder;
    }

    private static IMailTransport CreateTransport(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<MailOptions>>().Value;
        switch (options.EffectiveTransport)
        {
            case MailTransportKind.Smtp:
                var smtp = options.Smtp;
                var tokens = smtp.UseOAuth ? sp.GetRequiredKeyedService<IAccessTokenSource>(TokenSourceKey) : null;
                return new SmtpTransport(new SmtpOptions
                {
                    Host = smtp.Host!,
                    Port = smtp.Port,
                    Security = smtp.Security,
                    UserName = smtp.UserName,
                    Password = smtp.Password,
                    AuthMechanism = smtp.UseOAuth ? SmtpAuthMechanism.XOAuth2 : SmtpAuthMechanism.Auto,
                    MaxConnections = smtp.MaxConnections,
                    MessagesPerMinute = smtp.MessagesPerMinute,
                    ClientName = smtp.ClientName,
                    Timeout = TimeSpan.FromSeconds(smtp.TimeoutSeconds),
                }, tokens is null ? null : tokens.GetAccessTokenAsync);
            case MailTransportKind.Graph:
                var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(GraphSendMailTransport));
                return new GraphSendMailTransport(http, sp.GetRequiredKeyedService<IAccessTokenSource>(TokenSourceKey),
                    new GraphSendMailOptions
                    {
                        BaseUrl = new Uri(options.Graph.BaseUrl.EndsWith('/') ? options.Graph.BaseUrl : options.Graph.BaseUrl + "/"),
                        SenderUserId = string.IsNullOrWhiteSpace(options.Graph.SenderUserId) ? null : options.Graph.SenderUserId,
                    });
            default:
                var root = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
                return new PickupDirectoryTransport(Path.Combine(root, options.PickupDirectory));
        }
    }

    private static IAccessTokenSource CreateImapTokenSource(IServiceProvider sp)
    {
        var configuration = sp.GetRequiredService<IConfiguration>();
        return MsalAccessTokenSource.ForExchangeSmtp(configuration["MicrosoftAppTenantId"]!, configuration["MicrosoftAppId"]!, configuration["MicrosoftAppPassword"]!);
    }

    private static IAccessTokenSource CreateTokenSource(IServiceProvider sp)
    {
        var configuration = sp.GetRequiredService<IConfiguration>();
        var options = sp.GetRequiredService<IOptions<MailOptions>>().Value;
        string Setting(string key) => configuration[key] is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{key} is required for mail through Microsoft 365.");
        var (tenant, app, secret) = (Setting("MicrosoftAppTenantId"), Setting("MicrosoftAppId"), Setting("MicrosoftAppPassword"));
        return options.EffectiveTransport == MailTransportKind.Graph
            ? MsalAccessTokenSource.ForGraph(tenant, app, secret)
            : MsalAccessTokenSource.ForExchangeSmtp(tenant, app, secret);
    }
}
