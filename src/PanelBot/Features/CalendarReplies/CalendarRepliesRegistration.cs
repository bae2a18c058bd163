using Microsoft.Extensions.Options;
using PanelBot.Features.Invitations;
using PanelBot.Mail;

namespace PanelBot.Features.CalendarReplies;

public static class CalendarRepliesRegistration
{
    /// <summary>Key of the Graph token source the inbox reader uses (tests replace it).</summary>
    public const string GraphTokenSourceKey = "mail-inbox-graph";

    /// <summary>Answers given in calendars (iTIP REPLY) become RSVPs; <c>Mail:Inbox:Transport</c> says where they are read.</summary>
    public static IHostApplicationBuilder AddCalendarReplies(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<CalendarReplyProcessor>();
        var transport = builder.Configuration.GetSection(MailOptions.Section).GetSection("Inbox").GetValue<InboxTransport?>("Transport")
                        ?? InboxTransport.Directory;
        switch (transport)
        {
            case InboxTransport.Directory:
                services.AddSingleton<InboxDirectoryReader>();
                services.AddHostedService(sp => sp.GetRequiredService<InboxDirectoryReader>());
                break;
            case InboxTransport.Imap:
                services.AddSingleton<ImapInboxReader>();
                services.AddHostedService(sp => sp.GetRequiredService<ImapInboxReader>());
                break;
            case InboxTransport.Graph:
                services.AddSingleton<IValidateOptions<MailOptions>, GraphInboxOptionsValidator>();
                services.AddHttpClient(nameof(GraphMailbox));
                services.AddKeyedSingleton<IAccessTokenSource>(GraphTokenSourceKey, (sp, _) => CreateGraphTokenSource(sp));
                services.AddSingleton(CreateGraphMailbox);
                services.AddSingleton<GraphInboxStore>();
                services.AddSingleton<GraphInboxReader>();
                services.AddHostedService(sp => sp.GetRequiredService<GraphInboxReader>());
                break;
        }

        return builder;
    }

    private static GraphMailbox CreateGraphMailbox(IServiceProvider sp)
    {
        var options = sp.GetRequiredService<IOptions<MailOptions>>().Value;
        var mailbox = string.IsNullOrWhiteSpace(options.Inbox.Graph.Mailbox) ? options.From : options.Inbox.Graph.Mailbox.Trim();
        return new GraphMailbox(sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(GraphMailbox)),
            sp.GetRequiredKeyedService<IAccessTokenSource>(GraphTokenSourceKey), new Uri(options.Graph.BaseUrl), mailbox,
            sp.GetRequiredService<TimeProvider>());
    }

    /// <summary>The same app-only MSAL client as Graph sendMail: shared when mail is sent through Graph too.</summary>
    private static IAccessTokenSource CreateGraphTokenSource(IServiceProvider sp)
    {
        if (sp.GetRequiredService<IOptions<MailOptions>>().Value.EffectiveTransport == MailTransportKind.Graph)
        {
            return sp.GetRequiredKeyedService<IAccessTokenSource>(InvitationsRegistration.TokenSourceKey);
        }

        var configuration = sp.GetRequiredService<IConfiguration>();
        return MsalAccessTokenSource.ForGraph(configuration["MicrosoftAppTenantId"]!, configuration["MicrosoftAppId"]!, configuration["MicrosoftAppPassword"]!);
    }
}
