using Microsoft.Extensions.Options;
using PanelBot.Features.Invitations;

namespace PanelBot.Features.CalendarReplies;

public static class CalendarRepliesRegistration
{
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
        }

        return builder;
    }
}
